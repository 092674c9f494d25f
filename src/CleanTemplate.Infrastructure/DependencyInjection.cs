//#if (conduit)
using CleanTemplate.Application.Articles;
using CleanTemplate.Application.Articles.Import;
//#endif
using CleanTemplate.Application.Common.Idempotency;
using CleanTemplate.Application.Common.Interfaces;
//#if (conduit)
using CleanTemplate.Application.Profiles;
using CleanTemplate.Application.Tags;
//#endif
using CleanTemplate.Application.Users;
//#if (conduit)
using CleanTemplate.Infrastructure.BackgroundJobs;
//#endif
using CleanTemplate.Infrastructure.Identity;
using CleanTemplate.Infrastructure.Messaging;
using CleanTemplate.Infrastructure.Persistence;
//#if (conduit)
using CleanTemplate.Infrastructure.Persistence.BulkImport;
//#endif
using CleanTemplate.Infrastructure.Persistence.Diagnostics;
using CleanTemplate.Infrastructure.Persistence.Idempotency;
using CleanTemplate.Infrastructure.Persistence.Interceptors;
using CleanTemplate.Infrastructure.Persistence.Outbox;
using CleanTemplate.Infrastructure.Persistence.Replicas;
using CleanTemplate.Infrastructure.Persistence.Repositories;
//#if (conduit)
using CleanTemplate.Infrastructure.Persistence.Seeding;
//#endif
using MediatR;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RabbitMQ.Client;

namespace CleanTemplate.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Database";

    /// <summary>The server itself, for work holding a session (migrations) when requests go through a pooler.</summary>
    public const string DirectConnectionStringName = "DatabaseDirect";

    /// <summary>Hot standbys that take the reads, one or more hosts (docs/read-replicas.md); optional.</summary>
    public const string ReplicasConnectionStringName = "DatabaseReplicas";

    /// <summary>The AMQP URI of the RabbitMQ the outbox goes to; without it, events stay in the table.</summary>
    public const string RabbitMqConnectionStringName = "RabbitMq";
    private const string DatabaseHealthCheckName = "database";

    /// <summary>
    /// Everything the outer layers need from PostgreSQL and identity: the DbContext (the unit of work), repositories,
    /// the idempotency-key store, migrations, health checks, password hashing, and the <c>Token</c> authentication
    /// scheme (JwtBearer). Any <see cref="IInterceptor"/> registered in the container is added to every DbContext
    /// (tests use this to count queries).
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPersistence(configuration);
        services.AddIdentityServices(configuration);
        return services;
    }

    private static void AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()
            ?? new DatabaseOptions();
        services.AddSingleton(Options.Create(options));

        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(configured))
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not configured. Set it (for example with the "
                + $"ConnectionStrings__{ConnectionStringName} environment variable).");

        var connectionString = DatabaseConnectionString.Build(configured, options);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        var direct = DatabaseConnectionString.BuildDirect(
            configuration.GetConnectionString(DirectConnectionStringName), configured, options)!;
        services.AddSingleton(provider => new DirectDatabase(
            direct, options, provider.GetService<ILoggerFactory>(), provider.GetServices<IInterceptor>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IInterceptor, AuditingInterceptor>();
        services.AddSingleton<IInterceptor, CommittedWritesInterceptor>();

        if (SqlCommandLogger.IsEnabled(options))
            services.AddSingleton<IInterceptor, SqlCommandLogger>();

        // One pool of contexts serves the units of work per request and per task. Pooled, because setting up a
        // context's internal services costs about a tenth of a list request's CPU. The request's context is leased by
        // its scope (AddDbContextPool), so only the scope's end returns it: the container disposes a scoped instance
        // once for every service type it was resolved as (an alias, as IReadDbContext was, disposes it twice), and a
        // context that returns itself when disposed (one from the factory) would go back a second time after another
        // request had leased it, leaving two requests on one context. The factory (background jobs, parallel
        // fan-out) shares the pool and the options; its contexts return when their task disposes them. See
        // docs/dbcontext-lifetime.md.
        services.AddDbContextPool<ApplicationDbContext>((provider, db) =>
        {
            db.UseApplicationDatabase(provider.GetRequiredService<NpgsqlDataSource>(), options);
            db.AddInterceptors(provider.GetServices<IInterceptor>());
        });
        services.AddPooledDbContextFactory<ApplicationDbContext>((_, _) => { });
        services.NoteTheRequestContext();
        services.AddSingleton<ITransientFailureDetector, TransientFailureDetector>();
        var replicas = configuration.GetConnectionString(ReplicasConnectionStringName);
        if (string.IsNullOrWhiteSpace(replicas))
            services.AddPrimaryQueries(options);
        else
            services.AddReplicaReads(ReplicaConnectionStrings.Build(replicas, configured, options), options);
        // Registered after the application's behaviours, so it runs innermost: validation first, then the route.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(QueryRouteBehaviour<,>));
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<OutboxWriter>();
        services.AddScoped<ICommittedWrites>(provider =>
            provider.GetRequiredService<ApplicationDbContext>().CommittedWrites);
        services.AddScoped<IDatabaseMigrator, DatabaseMigrator>();
        services.AddScoped<IUserRepository, UserRepository>();
        //#if (conduit)
        services.AddScoped<IArticleRepository, ArticleRepository>();
        services.AddScoped<ITagRepository, TagRepository>();
        services.AddScoped<IFavoriteRepository, FavoriteRepository>();
        services.AddScoped<IFollowRepository, FollowRepository>();
        services.AddSingleton<IArticleImporter, ArticleImporter>();
        //#endif
        services.AddIdempotencyStore(configuration);
        services.AddOutboxDelivery(configuration);

        if (options.MigrateOnStartup)
            services.AddHostedService<MigrateOnStartupService>();
        //#if (conduit)
        services.AddScoped<IDatabaseSeeder, ConduitSeeder>();
        if (options.SeedOnStartup)
            services.AddHostedService<SeedOnStartupService>();

        services.Configure<TagStatisticsOptions>(configuration.GetSection(TagStatisticsOptions.SectionName));
        services.AddSingleton<TagStatisticsJob>();
        services.AddSingleton<ITagStatisticsJob>(provider => provider.GetRequiredService<TagStatisticsJob>());
        services.AddHostedService<TagStatisticsSchedule>();
        //#endif

        // Readiness: EF Core's CanConnectAsync through the app's own context. AddDbContextCheck takes no timeout, and
        // an unreachable host must not hold a probe for the whole connect timeout, so its registration gets one.
        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>(DatabaseHealthCheckName, tags: ["ready"]);
        services.Configure<HealthCheckServiceOptions>(health => health.Registrations
            .Single(check => check.Name == DatabaseHealthCheckName).Timeout = TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// What Infrastructure adds to the host's traces: every SQL command (Npgsql) and the outbox's publishes.
    /// </summary>
    public static TracerProviderBuilder AddInfrastructureInstrumentation(this TracerProviderBuilder tracing) =>
        tracing.AddNpgsql().AddSource(InfrastructureTelemetry.Source.Name);

    /// <summary>Npgsql's metrics: connections in use and idle per pool, commands and their durations.</summary>
    public static MeterProviderBuilder AddInfrastructureInstrumentation(this MeterProviderBuilder metrics) =>
        metrics.AddNpgsqlInstrumentation();

    // Queries on the primary through contexts without retries, each run again on the request's context if it fails.
    // The scope's lease of the request's context, wrapped to note it in RequestContextLease as it is made: still one
    // registration of ApplicationDbContext, so the container disposes (returns) it once, at the scope's end.
    private static void NoteTheRequestContext(this IServiceCollection services)
    {
        var leased = services.Single(service => service.ServiceType == typeof(ApplicationDbContext));
        var lease = leased.ImplementationFactory ?? throw new InvalidOperationException(
            "AddDbContextPool registered ApplicationDbContext without a factory; RequestContextLease needs one.");
        services.Remove(leased);
        services.AddScoped<RequestContextLease>();
        services.AddScoped(provider =>
            provider.GetRequiredService<RequestContextLease>().Note((ApplicationDbContext)lease(provider)));
    }

    private static void AddPrimaryQueries(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(provider => new QueryContexts(ApplicationDatabase.QueryContexts(
            provider.GetRequiredService<NpgsqlDataSource>(),
            options,
            provider.GetService<ILoggerFactory>(),
            provider.GetServices<IInterceptor>())));
        services.AddScoped<PrimaryQueryRoute>();
        services.AddScoped<IReadDbContext>(provider => provider.GetRequiredService<PrimaryQueryRoute>());
        services.AddScoped<IQueryRoute>(provider => provider.GetRequiredService<PrimaryQueryRoute>());
    }

    // Queries on standbys, commands on the primary, and callers who see their own writes (docs/read-replicas.md).
    private static void AddReplicaReads(
        this IServiceCollection services, IReadOnlyList<string> standbys, DatabaseOptions options)
    {
        if (options.ReplicaCheckIntervalMilliseconds <= 0
            || options.ReplicaMaxLagSeconds * 1000 < 2 * options.ReplicaCheckIntervalMilliseconds)
        {
            throw new InvalidOperationException(
                "Database:ReplicaMaxLagSeconds must span at least two Database:ReplicaCheckIntervalMilliseconds "
                + "(and the interval must be positive): a standby is only known to be current as of its last check.");
        }

        services.AddSingleton(provider => new ReplicaSet(
            [
                .. standbys.Select(standby => new Standby(
                    standby, options, provider.GetService<ILoggerFactory>(), provider.GetServices<IInterceptor>())),
            ],
            provider.GetRequiredService<NpgsqlDataSource>(),
            options,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ReplicaSet>>()));
        services.AddSingleton<RecentWrites>();
        services.AddHostedService<ReplicaMonitor>();
        services.AddScoped<ReadYourWrites>();
        services.AddScoped<IReadYourWrites>(provider => provider.GetRequiredService<ReadYourWrites>());
        services.AddScoped<ReadRoute>();
        services.AddScoped<IReadDbContext>(provider => provider.GetRequiredService<ReadRoute>());
        services.AddScoped<IQueryRoute>(provider => provider.GetRequiredService<ReadRoute>());
    }

    // Without a broker configured, events stay in outbox_events (db events --pending lists them) and nothing fails.
    private static void AddOutboxDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        var broker = configuration.GetConnectionString(RabbitMqConnectionStringName);
        if (string.IsNullOrWhiteSpace(broker))
            return;
        if (!Uri.TryCreate(broker, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{RabbitMqConnectionStringName} must be an AMQP URI, such as "
                + "amqp://user:password@host:5672/vhost.");
        }

        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.SectionName));
        services.AddSingleton(new RabbitMqPublisher(new ConnectionFactory
        {
            Uri = uri,
            ClientProvidedName = "outbox-dispatcher",
            // The dispatcher reconnects itself after a failure, between rounds; the client's own recovery would
            // replay publishes on a channel whose confirms the dispatcher no longer waits for.
            AutomaticRecoveryEnabled = false,
        }));
        services.AddHostedService<OutboxDispatcher>();
    }

    private static void AddIdempotencyStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdempotencyOptions>()
            .Bind(configuration.GetSection(IdempotencyOptions.SectionName))
            .Validate(options => options.RetentionHours > 0, "Idempotency:RetentionHours must be at least 1.")
            .ValidateOnStart();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
    }

    private static void AddIdentityServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<JwtOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<JwtOptions>>(provider =>
            provider.GetRequiredService<JwtOptionsSetup>());
        services.AddSingleton<IValidateOptions<JwtOptions>>(provider =>
            provider.GetRequiredService<JwtOptionsSetup>());
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddSingleton<IPasswordHasher, PasswordHasher>();

        services.AddSingleton<KnownUsers>();
        services.AddScoped<TokenAuthenticationEvents>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerOptionsSetup>();
        services.AddAuthentication(JwtBearerOptionsSetup.SchemeName).AddJwtBearer(JwtBearerOptionsSetup.SchemeName);
        services.AddAuthorization(options => options.FallbackPolicy = RefusedTokenPolicy.Create());
    }
}
