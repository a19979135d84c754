using Drm.Engine;
using Drm.Engine.Devices;
using Drm.Engine.Jobs;
using Drm.Engine.Mibs;
using Drm.Engine.Tenants;
using Drm.Engine.Users;
using Drm.GraphQL.Devices;
using Drm.GraphQL.Execution;
using Drm.GraphQL.Jobs;
using Drm.GraphQL.Mibs;
using Drm.GraphQL.Tr181;
using Drm.Engine.Tr181;
using Drm.Mib.Tr181;
using Drm.GraphQL.Relay;
using Drm.GraphQL.Tenants;
using Drm.GraphQL.Users;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Drm.GraphQL.Schema;

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";

        Field<UserType>("me")
            .Description("The signed-in user.")
            .ResolveAsync(async c => await c.Service<UserService>().GetMeAsync(c.Caller(), c.CancellationToken));

        Field<NonNullGraphType<ConnectionType<TenantType, EdgeType<TenantType>>>>("tenants")
            .Description("Every tenant for a platform administrator; your own tenant for anyone else.")
            .PagingArguments()
            .ResolveAsync(async c => Connections.From(
                await c.Service<TenantService>().ListAsync(c.Caller(), c.ToPageRequest(), c.CancellationToken)));

        Field<NonNullGraphType<ConnectionType<UserType, EdgeType<UserType>>>>("users")
            .Description("Users of your tenant, by email.")
            .Argument<StringGraphType>("search", a => a.Description = "Part of an email or display name.")
            .PagingArguments()
            .ResolveAsync(async c => Connections.From(await c.Service<UserService>().ListAsync(
                c.Caller(), c.GetArgument<string?>("search"), c.ToPageRequest(), c.CancellationToken)));

        Field<UserType>("user")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<UserService>().GetAsync(
                c.Caller(), GlobalId.Decode(c.GetArgument<string>("id"), UserType.TypeName), c.CancellationToken));

        Field<NonNullGraphType<ConnectionType<DeviceType, EdgeType<DeviceType>>>>("devices")
            .Description("Devices of your tenant, by name.")
            .Argument<StringGraphType>("search", a => a.Description = "Part of a name, address or description.")
            .Argument<StringGraphType>("tag", a => a.Description = "Only devices carrying this tag.")
            .PagingArguments()
            .ResolveAsync(async c => Connections.From(await c.Service<DeviceService>().ListAsync(
                c.Caller(), c.GetArgument<string?>("search"), c.GetArgument<string?>("tag"), c.ToPageRequest(), c.CancellationToken)));

        Field<DeviceType>("device")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<DeviceService>().GetAsync(
                c.Caller(), GlobalId.Decode(c.GetArgument<string>("id"), DeviceType.TypeName), c.CancellationToken));

        Field<NonNullGraphType<ConnectionType<JobType, EdgeType<JobType>>>>("jobs")
            .Description("Jobs of your tenant, newest first.")
            .Argument<JobStatusType>("status")
            .Argument<JobKindType>("kind")
            .Argument<IdGraphType>("deviceId")
            .PagingArguments()
            .ResolveAsync(async c => Connections.From(await c.Service<JobService>().ListAsync(
                c.Caller(),
                c.GetArgument<JobStatus?>("status"),
                c.GetArgument<JobKind?>("kind"),
                c.GetArgument<string?>("deviceId") is { } device ? GlobalId.Decode(device, DeviceType.TypeName) : null,
                c.ToPageRequest(),
                c.CancellationToken)));

        Field<JobType>("job")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<JobService>().GetAsync(
                c.Caller(), GlobalId.Decode(c.GetArgument<string>("id"), JobType.TypeName), c.CancellationToken));

        Field<NonNullGraphType<ConnectionType<MibModuleType, EdgeType<MibModuleType>>>>("mibModules")
            .Description("Your MIB modules and the global ones (a module of yours replaces a global one of the same name), by name.")
            .Argument<StringGraphType>("search", a => a.Description = "Part of a name, file name, organization or description.")
            .PagingArguments()
            .ResolveAsync(async c => Connections.From(await c.Service<MibService>().ListModulesAsync(
                c.Caller(), c.GetArgument<string?>("search"), c.ToPageRequest(), c.CancellationToken)));

        Field<MibModuleType>("mibModule")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<MibService>().GetModuleAsync(
                c.Caller(), GlobalId.Decode(c.GetArgument<string>("id"), MibModuleType.TypeName), c.CancellationToken));

        Field<NonNullGraphType<ConnectionType<MibOidType, EdgeType<MibOidType>>>>("mibOids")
            .Description("Named OIDs in tree order.")
            .Argument<IdGraphType>("moduleId", a => a.Description = "Only this module's.")
            .Argument<StringGraphType>("prefix", a => a.Description = "Only this subtree: a numeric OID or a name (IF-MIB::ifTable).")
            .Argument<StringGraphType>("name", a => a.Description = "The beginning of the name, case-insensitive (ifIn finds ifInOctets).")
            .PagingArguments()
            .ResolveAsync(async c => Connections.From(await c.Service<MibService>().ListOidsAsync(
                c.Caller(),
                c.GetArgument<string?>("moduleId") is { } module ? GlobalId.Decode(module, MibModuleType.TypeName) : null,
                c.GetArgument<string?>("prefix"),
                c.GetArgument<string?>("name"),
                c.ToPageRequest(),
                c.CancellationToken)));

        Field<MibOidType>("mibOid")
            .Description("The object at a numeric OID or name (IF-MIB::ifDescr, ifDescr.3, 1.3.6.1.2.1.2.2.1.2.3); for an instance, its column with 'instance' set.")
            .Argument<NonNullGraphType<StringGraphType>>("oid")
            .ResolveAsync(async c => await c.Service<MibService>().FindAsync(c.Caller(), c.GetArgument<string>("oid"), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MibTreeNodeType>>>>("mibTree")
            .Description($"The children of an OID (the root when omitted), for a tree browser, down to 'depth' levels (1 to {MibService.MaxTreeDepth}).")
            .Argument<StringGraphType>("oid")
            .Argument<IntGraphType>("depth", a => a.DefaultValue = 1)
            .ResolveAsync(async c => await c.Service<MibService>().TreeAsync(
                c.Caller(), c.GetArgument<string?>("oid"), c.GetArgument("depth", 1), c.CancellationToken));

        Field<NonNullGraphType<ConnectionType<Tr181ParameterType, EdgeType<Tr181ParameterType>>>>("tr181Parameters")
            .Description("The TR-181 catalog you see (the global models and your own; yours take a global path's place), in path order.")
            .Argument<StringGraphType>("pathPrefix", a => a.Description = "Only paths starting with this (Device.WiFi.; instance numbers stand for {i}).")
            .Argument<StringGraphType>("type", a => a.Description = "Only parameters of this built-in type (unsignedInt) or named data type (IPv4Address).")
            .Argument<Tr181AccessType>("access")
            .Argument<Tr181KindType>("kind", a => a.Description = "Only this kind (all kinds when omitted).")
            .Argument<StringGraphType>("search", a => a.Description = "Part of the path or the description, any case.")
            .PagingArguments()
            .ResolveAsync(async c => Connections.From(await c.Service<Tr181Service>().ListAsync(
                c.Caller(),
                new Tr181Filter(c.GetArgument<string?>("pathPrefix"), c.GetArgument<string?>("type"), c.GetArgument<Tr181Access?>("access"),
                    c.GetArgument<Tr181ItemKind?>("kind"), c.GetArgument<string?>("search")),
                c.ToPageRequest(),
                c.CancellationToken)));

        Field<Tr181ParameterType>("tr181Parameter")
            .Description("One catalog item by its ID or its path (Device.WiFi.SSID.1.SSID finds Device.WiFi.SSID.{i}.SSID); null when there is none.")
            .Argument<IdGraphType>("id")
            .Argument<StringGraphType>("path")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string?>("id");
                var path = c.GetArgument<string?>("path");
                if ((id is null) == (path is null))
                {
                    throw DrmException.BadInput("Give either id or path.");
                }

                return id is not null
                    ? await c.Service<Tr181Service>().GetAsync(c.Caller(), GlobalId.Decode(id, Tr181ParameterType.TypeName), c.CancellationToken)
                    : await c.Service<Tr181Service>().FindAsync(c.Caller(), path!, c.CancellationToken);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Tr181TreeNodeType>>>>("tr181Tree")
            .Description($"The items under an object (the root when omitted), for a tree browser, down to 'depth' levels (1 to {Tr181Service.MaxTreeDepth}), " +
                         $"at most {Tr181Service.MaxTreeNodes:N0} nodes.")
            .Argument<StringGraphType>("rootPath", a => a.Description = "An object path: Device.WiFi. (the trailing dot may be left out).")
            .Argument<IntGraphType>("depth", a => a.DefaultValue = 1)
            .ResolveAsync(async c => await c.Service<Tr181Service>().TreeAsync(
                c.Caller(), c.GetArgument<string?>("rootPath"), c.GetArgument("depth", 1), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Tr181ModelType>>>>("tr181Models")
            .Description("The data models in the catalog you see: the global ones first, then yours.")
            .ResolveAsync(async c => await c.Service<Tr181Service>().ModelsAsync(c.Caller(), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Tr181ValidationResultType>>>>("validateTr181")
            .Description($"Checks proposed sets against the TR-181 model: path, writability, instance numbers, type, range, enumeration, pattern, length " +
                         $"and list syntax. Every item is answered, in order, with all its errors (at most {Tr181Service.MaxValidateItems:N0} items).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<Tr181ValueInputType>>>>("input")
            .ResolveAsync(async c => await c.Service<Tr181Service>().ValidateAsync(
                c.Caller(), c.GetArgument<List<Tr181ValueInput>>("input"), c.CancellationToken));

        Field<NodeInterface>("node")
            .Description("Any object by its global ID; null when it does not exist or is not yours.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(ResolveNodeAsync);
    }

    private static async Task<object?> ResolveNodeAsync(IResolveFieldContext context)
    {
        var caller = context.Caller();
        if (!GlobalId.TryDecode(context.GetArgument<string>("id"), out var type, out var id))
        {
            throw DrmException.BadInput("That is not an ID this API issued.");
        }

        return type switch
        {
            DeviceType.TypeName => await context.Service<DeviceService>().GetAsync(caller, id, context.CancellationToken),
            UserType.TypeName => await context.Service<UserService>().GetAsync(caller, id, context.CancellationToken),
            TenantType.TypeName => await context.Service<TenantService>().GetAsync(caller, id, context.CancellationToken),
            JobType.TypeName => await context.Service<JobService>().GetAsync(caller, id, context.CancellationToken),
            MibModuleType.TypeName => await context.Service<MibService>().GetModuleAsync(caller, id, context.CancellationToken),
            Tr181ParameterType.TypeName => await context.Service<Tr181Service>().GetAsync(caller, id, context.CancellationToken),
            _ => null,
        };
    }
}
