namespace CleanTemplate.Cli.Schema;

/// <summary>One difference between model and database: <c>column public.users.bio: only in the model</c>.</summary>
/// <param name="Kind">table, column, index or constraint.</param>
/// <param name="Name">Schema-qualified: <c>public.users</c>, <c>public.users.email</c>.</param>
/// <param name="Problem">"only in the model", "only in the database" or "differs".</param>
/// <param name="Details">What each side has.</param>
internal sealed record DriftFinding(string Kind, string Name, string Problem, string Details);
