using CleanTemplate.Application.Common.Exceptions;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Users;
using CleanTemplate.Domain.Users.Events;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence;

public sealed class UnitOfWorkTests(UnitOfWorkTests.RecordingFixture fixture)
    : HandlerTest<UnitOfWorkTests.RecordingFixture>(fixture)
{
    public sealed class RecordingFixture : ApplicationFixture
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddScoped<RecordedRegistrations>()
                .AddTransient<INotificationHandler<DomainEventNotification<UserRegistered>>, RecordRegistration>();
    }

    [Fact]
    public async Task A_unique_key_lost_at_save_surfaces_as_a_unique_constraint_violation_naming_the_index()
    {
        var users = Scope.Get<IUserRepository>();
        users.Add(TestUsers.New("twin1", "twin@example.com"));
        users.Add(TestUsers.New("twin2", "twin@example.com"));

        var violation = await Should.ThrowAsync<UniqueConstraintViolationException>(
            () => Scope.Get<IUnitOfWork>().SaveChangesAsync(CancellationToken.None));

        violation.ConstraintName.ShouldBe(UserConstraints.EmailUniqueIndex);
    }

    [Fact]
    public async Task Domain_events_are_published_after_the_save_with_the_saved_state()
    {
        var user = TestUsers.New("evented");
        Scope.Get<IUserRepository>().Add(user);

        await Scope.Get<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);

        var recorded = Scope.Get<RecordedRegistrations>();
        recorded.UserIds.ShouldBe([user.Id]);
        user.Id.ShouldBeGreaterThan(0);
        user.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public async Task Domain_events_are_not_published_when_the_save_fails()
    {
        var users = Scope.Get<IUserRepository>();
        users.Add(TestUsers.New("dup", "dup1@example.com"));
        users.Add(TestUsers.New("dup", "dup2@example.com"));

        await Should.ThrowAsync<UniqueConstraintViolationException>(
            () => Scope.Get<IUnitOfWork>().SaveChangesAsync(CancellationToken.None));

        Scope.Get<RecordedRegistrations>().UserIds.ShouldBeEmpty();
    }

    internal sealed class RecordedRegistrations
    {
        public List<int> UserIds { get; } = [];
    }

    internal sealed class RecordRegistration(RecordedRegistrations recorded)
        : INotificationHandler<DomainEventNotification<UserRegistered>>
    {
        public Task Handle(DomainEventNotification<UserRegistered> notification, CancellationToken cancellationToken)
        {
            recorded.UserIds.Add(notification.DomainEvent.User.Id);
            return Task.CompletedTask;
        }
    }
}
