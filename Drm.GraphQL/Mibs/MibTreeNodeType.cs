using Drm.Engine.Mibs;
using GraphQL.Types;

namespace Drm.GraphQL.Mibs;

public sealed class MibTreeNodeType : ObjectGraphType<MibTreeNode>
{
    public MibTreeNodeType()
    {
        Name = "MibTreeNode";
        Description = "A node of the OID tree for a browser: the object defined there (null for an arc no module names) and its children down to the depth asked.";
        Field(n => n.Oid);
        Field<NonNullGraphType<LongGraphType>>("arc").Resolve(c => c.Source.Arc);
        Field<StringGraphType>("name").Resolve(c => c.Source.Node?.Name);
        Field<MibOidType>("object").Resolve(c => c.Source.Node);
        Field(n => n.HasChildren);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MibTreeNodeType>>>>("children").Resolve(c => c.Source.Children);
    }
}
