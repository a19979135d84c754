using Drm.Engine.Tr181;
using GraphQL.Types;

namespace Drm.GraphQL.Tr181;

public sealed class Tr181TreeNodeType : ObjectGraphType<Tr181TreeNode>
{
    public Tr181TreeNodeType()
    {
        Name = "Tr181TreeNode";
        Description = "A node of the TR-181 tree for a browser: the item, its number of direct children, and those children down to the depth asked.";
        Field<NonNullGraphType<StringGraphType>>("path").Resolve(c => c.Source.Item.Path);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Item.Name);
        Field<NonNullGraphType<Tr181KindType>>("kind").Resolve(c => c.Source.Item.Kind);
        Field(n => n.ChildCount);
        Field<NonNullGraphType<Tr181ParameterType>>("item").Resolve(c => c.Source.Item);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Tr181TreeNodeType>>>>("children").Resolve(c => c.Source.Children);
    }
}
