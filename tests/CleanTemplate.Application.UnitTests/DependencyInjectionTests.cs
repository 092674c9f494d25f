using CleanTemplate.Application.Users.Commands.RegisterUser;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Application.UnitTests;

public sealed class DependencyInjectionTests
{
    private static readonly IServiceCollection Services =
        new ServiceCollection().AddLogging().AddApplication(new ConfigurationBuilder().Build());

    [Fact]
    public void Every_validator_of_the_assembly_is_registered_once_as_a_singleton()
    {
        var validatorTypes = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(IValidator).IsAssignableFrom(type))
            .ToList();

        var registrations = Services
            .Where(descriptor => descriptor.ServiceType.IsGenericType
                && descriptor.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>))
            .ToList();

        validatorTypes.ShouldNotBeEmpty();
        registrations.Select(descriptor => descriptor.ImplementationType).ShouldBe(validatorTypes, ignoreOrder: true);
        registrations.ShouldAllBe(descriptor => descriptor.Lifetime == ServiceLifetime.Singleton);
    }

    [Fact]
    public void Requests_share_one_validator_instance()
    {
        using var provider = Services.BuildServiceProvider();
        using var first = provider.CreateScope();
        using var second = provider.CreateScope();

        first.ServiceProvider.GetRequiredService<IValidator<RegisterUserCommand>>()
            .ShouldBeSameAs(second.ServiceProvider.GetRequiredService<IValidator<RegisterUserCommand>>());
    }
}
