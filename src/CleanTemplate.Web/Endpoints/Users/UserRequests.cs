namespace CleanTemplate.Web.Endpoints.Users;

/// <summary>RealWorld wraps every user payload in <c>{"user": {...}}</c>.</summary>
public sealed record UserEnvelope<T>(T? User);

public sealed record NewUserRequest(string? Username, string? Email, string? Password);

public sealed record LoginUserRequest(string? Email, string? Password);

public sealed record UpdateUserRequest(string? Email, string? Username, string? Password, string? Bio, string? Image);
