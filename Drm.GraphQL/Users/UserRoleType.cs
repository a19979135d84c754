using Drm.Engine.Users;
using GraphQL.Types;

namespace Drm.GraphQL.Users;

public sealed class UserRoleType : EnumerationGraphType<UserRole>
{
    public UserRoleType()
    {
        Name = "UserRole";
        Description = "viewer reads; operator also runs jobs; admin also manages users, devices and credentials.";
    }
}
