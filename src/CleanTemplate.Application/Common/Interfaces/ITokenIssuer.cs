namespace CleanTemplate.Application.Common.Interfaces;

public interface ITokenIssuer
{
    string Issue(int userId, string username);
}
