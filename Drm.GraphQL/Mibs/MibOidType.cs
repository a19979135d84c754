using Drm.Engine.Mibs;
using Drm.GraphQL.Execution;
using Drm.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;

namespace Drm.GraphQL.Mibs;

public sealed class MibOidType : ObjectGraphType<MibOidRecord>
{
    public MibOidType()
    {
        Name = "MibOid";
        Description = "A named OID of a MIB module, with what the module says about it.";
        Field(o => o.Oid).Description("Numeric, dotted.");
        Field(o => o.Name);
        Field<NonNullGraphType<StringGraphType>>("fullName").Description("MODULE::name.").Resolve(c => c.Source.FullName);
        Field<StringGraphType>("instance").Description("When you looked up an instance (ifDescr.3): the part below this node.")
            .Resolve(c => c.Source.Instance);
        Field(o => o.Kind).Description("NODE, SCALAR, TABLE, ROW, COLUMN, NOTIFICATION, GROUP, COMPLIANCE or CAPABILITIES.");
        Field<MibSyntaxType>("syntax").Resolve(c => c.Source.Syntax);
        Field(o => o.Access, nullable: true).Description("MAX-ACCESS (ACCESS in SMIv1).");
        Field(o => o.Status, nullable: true);
        Field(o => o.Units, nullable: true);
        Field(o => o.Description, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MibIndexPartType>>>>("index").Description("A row's INDEX objects.")
            .Resolve(c => c.Source.Index);
        Field(o => o.Augments, nullable: true).Description("The row this row AUGMENTS (its INDEX applies).");
        Field(o => o.IsGlobal);
        Field<NonNullGraphType<IdGraphType>>("moduleId").Resolve(c => GlobalId.Encode(MibModuleType.TypeName, c.Source.ModuleId));
        Field<MibModuleType>("module").Resolve(c =>
        {
            var (mibs, caller) = (c.Service<MibService>(), c.Caller());
            return c.Batch<MibModuleRecord>("MibOid.module", (ids, ct) => mibs.GetModulesAsync(caller, ids, ct)).Load(c.Source.ModuleId);
        });
    }
}
