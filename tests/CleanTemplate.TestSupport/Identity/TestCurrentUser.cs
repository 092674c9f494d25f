using CleanTemplate.Application.Common.Interfaces;

namespace CleanTemplate.TestSupport.Identity;

/// <summary>The caller as a handler test sets it: anonymous until <see cref="Id"/> is assigned.</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    public int? Id { get; set; }
}
