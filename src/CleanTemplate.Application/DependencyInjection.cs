using System.Reflection;
//#if (conduit)
using CleanTemplate.Application.Articles;
using CleanTemplate.Application.Articles.Events;
//#endif
using CleanTemplate.Application.Common;
using CleanTemplate.Application.Common.Behaviours;
using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Application.Common.Messaging;
//#if (conduit)
using CleanTemplate.Application.Profiles;
//#endif
using CleanTemplate.Application.Users.Events;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers MediatR 5.1.0 (which ships no DI package) with its handlers found by scanning, the pipeline
    /// behaviours in order (outermost first), the FluentValidation validators and the one Mapster config.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApplicationOptions>(configuration.GetSection(ApplicationOptions.SectionName));
        services.AddSingleton(MappingConfiguration.Create());

        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator>(provider => new Mediator(provider.GetRequiredService<ServiceFactory>()));

        // MediatR 5 nests behaviours in registration order: the first registered runs outermost.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(RequestTelemetryBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));

        var assembly = Assembly.GetExecutingAssembly();
        services.AddClosedImplementationsOf(assembly, typeof(IRequestHandler<,>));
        services.AddClosedImplementationsOf(assembly, typeof(INotificationHandler<>));
        // Singletons: validators have parameterless constructors and no state, and their rules are built once.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        // What each feature tells other services, written to the outbox with the change (Infrastructure, UnitOfWork).
        services.AddScoped<IOutgoingEvents, UserOutgoingEvents>();
        //#if (conduit)
        services.AddScoped<IOutgoingEvents, ArticleOutgoingEvents>();

        // One read per aggregate, shared by its query and by the writes that answer with what it reads.
        services.AddScoped<ArticleReads>();
        services.AddScoped<ProfileReads>();
        //#endif
        return services;
    }

    private static void AddClosedImplementationsOf(
        this IServiceCollection services,
        Assembly assembly,
        Type openInterface)
    {
        var registrations =
            from type in assembly.GetTypes()
            where type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
            from implemented in type.GetInterfaces()
            where implemented.IsGenericType && implemented.GetGenericTypeDefinition() == openInterface
            select (implemented, type);

        foreach (var (serviceType, implementationType) in registrations)
            services.AddTransient(serviceType, implementationType);
    }
}
