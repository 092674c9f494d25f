namespace CleanTemplate.TestSupport.Postgres;

/// <summary>How long the run's cold start took: server up, then migrations into the template database.</summary>
public readonly record struct HarnessTimings(TimeSpan ServerStart, TimeSpan TemplateMigration, TimeSpan Total);
