using Drm.Engine.Tr181;
using Drm.GraphQL.Relay;
using Drm.Mib.Tr181;
using GraphQL.Types;

namespace Drm.GraphQL.Tr181;

public sealed class Tr181ParameterType : ObjectGraphType<Tr181Item>
{
    public const string TypeName = "Tr181Parameter";

    public Tr181ParameterType()
    {
        Name = TypeName;
        Description = "An item of the TR-181 catalog (a parameter, object, command or event) with everything the data model says about it.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Tr181Item;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field(i => i.Path).Description("The model path: Device.WiFi.SSID.{i}.SSID ({i} stands for an instance number).");
        Field(i => i.Name).Description("The last segment: SSID, or SSID.{i} for a multi-instance object.");
        Field<NonNullGraphType<Tr181KindType>>("kind").Resolve(c => c.Source.Kind);
        Field(i => i.Parent).Description("The object holding it (\"\" for the root object).");
        Field(i => i.Model).Description("The model it was imported with (Device).");
        Field<NonNullGraphType<Tr181AccessType>>("access").Resolve(c => c.Source.Access);
        Field<NonNullGraphType<BooleanGraphType>>("writable").Description("A parameter that a set may change (READ_WRITE, or WRITE_ONCE_READ_ONLY at creation).")
            .Resolve(c => c.Source.Kind == Tr181ItemKind.Parameter && c.Source.Access != Tr181Access.ReadOnly);
        Field<StringGraphType>("type").Description("A parameter's built-in type (string, unsignedInt…).").Resolve(c => c.Source.BaseType);
        Field(i => i.DataType, nullable: true).Description("A parameter's named data type (IPv4Address…).");
        Field<Tr181SyntaxType>("syntax").Description("A parameter's full syntax.").Resolve(c => c.Source.Parameter?.Syntax);
        Field(i => i.Status).Description("current, deprecated or obsoleted.");
        Field(i => i.Version, nullable: true).Description("The model version that added it (2.12).");
        Field(i => i.Description, nullable: true);
        Field<NonNullGraphType<BooleanGraphType>>("isGlobal").Description("Part of the global catalog rather than your own import.").Resolve(c => c.Source.IsGlobal);
        Field<NonNullGraphType<BooleanGraphType>>("multiInstance").Description("An object that is a table of instances ({i}).")
            .Resolve(c => c.Source.Object?.IsMultiInstance ?? false);
        Field<IntGraphType>("minEntries").Description("An object's minimum number of instances.").Resolve(c => c.Source.Object?.MinEntries);
        Field<IntGraphType>("maxEntries").Description("An object's maximum number of instances (null: unbounded).").Resolve(c => c.Source.Object?.MaxEntries);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>>>("uniqueKeys")
            .Description("A table's unique keys, each a list of parameter names.")
            .Resolve(c => c.Source.Object?.UniqueKeys ?? []);
        Field<BooleanGraphType>("async").Description("A command that runs asynchronously.").Resolve(c => c.Source.Command?.IsAsync);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Tr181ArgumentType>>>>("input").Description("A command's input arguments.")
            .Resolve(c => c.Source.Command?.Input ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Tr181ArgumentType>>>>("output").Description("A command's output arguments.")
            .Resolve(c => c.Source.Command?.Output ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Tr181ArgumentType>>>>("arguments").Description("An event's arguments.")
            .Resolve(c => c.Source.Event?.Arguments ?? []);
        Field(i => i.UpdatedAt);
    }
}
