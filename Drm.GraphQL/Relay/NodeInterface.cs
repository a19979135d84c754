using GraphQL.Types;

namespace Drm.GraphQL.Relay;

/// <summary>The Relay <c>Node</c> interface: every entity with a global ID.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a globally unique ID, refetchable through node(id:).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID.");
    }
}
