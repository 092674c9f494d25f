using System.Linq.Expressions;
using Mapster;
using Mapster.Models;

namespace CleanTemplate.Application.Common.Mapping;

/// <summary>
/// The one Mapster config of the application, built from every <see cref="IRegister"/> in this assembly. An instance
/// rather than the static global one, so nothing else can change it and a test can build and compile its own.
/// </summary>
public static class MappingConfiguration
{
    public static TypeAdapterConfig Create()
    {
        // A DTO member with no source must fail when the config compiles, never become a silent default.
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.Scan(typeof(MappingConfiguration).Assembly);
        return config;
    }

    /// <summary>The projection <c>ProjectToType</c> uses, for a <c>Select</c> nested inside another query.</summary>
    public static Expression<Func<TSource, TDto>> ProjectionOf<TSource, TDto>(this TypeAdapterConfig config) =>
        (Expression<Func<TSource, TDto>>)config.CreateMapExpression(
            new TypeTuple(typeof(TSource), typeof(TDto)), MapType.Projection);
}
