using Drm.Engine;
using Drm.Engine.Credentials;
using Drm.Engine.Devices;
using Drm.Engine.Tenants;
using Drm.Engine.Users;
using Drm.GraphQL.Auth;
using Drm.GraphQL.Credentials;
using Drm.GraphQL.Devices;
using Drm.GraphQL.Execution;
using Drm.GraphQL.Relay;
using Drm.GraphQL.Tenants;
using Drm.GraphQL.Users;
using Drm.Engine.Jobs;
using Drm.Engine.Mibs;
using Drm.GraphQL.Mibs;
using Drm.Engine.Tr181;
using Drm.GraphQL.Uploads;
using Drm.GraphQL.Jobs;
using GraphQL;
using GraphQL.Types;
using Drm.Engine.Tr069;
using Drm.Engine.Usp;
using Drm.Engine.WebPa;
using Drm.GraphQL.Tr069;
using Drm.GraphQL.Usp;
using Drm.GraphQL.WebPa;

namespace Drm.GraphQL.Schema;

public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";

        Field<NonNullGraphType<LoginPayloadType>>("login")
            .Description("Exchanges a tenant slug, email and password for a token.")
            .Argument<NonNullGraphType<LoginInputType>>("input")
            .ResolveAsync(LoginAsync);

        Field<NonNullGraphType<TenantType>>("createTenant")
            .Description("Platform administrators only.")
            .Argument<NonNullGraphType<CreateTenantInputType>>("input")
            .ResolveAsync(async c => await c.Service<TenantService>().CreateAsync(
                c.Caller(), c.GetArgument<CreateTenantInput>("input"), c.CancellationToken));

        Field<NonNullGraphType<UserType>>("createUser")
            .Description("Admins only.")
            .Argument<NonNullGraphType<CreateUserInputType>>("input")
            .ResolveAsync(async c => await c.Service<UserService>().CreateAsync(
                c.Caller(), c.GetArgument<CreateUserInput>("input"), c.CancellationToken));

        Field<NonNullGraphType<UserType>>("updateUser")
            .Description("Admins change anyone; others change their own email, display name and password.")
            .Argument<NonNullGraphType<UpdateUserInputType>>("input")
            .ResolveAsync(async c => await c.Service<UserService>().UpdateAsync(
                c.Caller(), c.GetArgument<UpdateUserInput>("input"), c.CancellationToken));

        Field<NonNullGraphType<IdGraphType>>("deleteUser")
            .Description("Admins only. Returns the deleted user's ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => GlobalId.Encode(UserType.TypeName, await c.Service<UserService>().DeleteAsync(
                c.Caller(), GlobalId.Decode(c.GetArgument<string>("id"), UserType.TypeName), c.CancellationToken)));

        Field<NonNullGraphType<DeviceType>>("createDevice")
            .Description("Admins only.")
            .Argument<NonNullGraphType<CreateDeviceInputType>>("input")
            .ResolveAsync(async c => await c.Service<DeviceService>().CreateAsync(
                c.Caller(), c.GetArgument<CreateDeviceInput>("input"), c.CancellationToken));

        Field<NonNullGraphType<DeviceType>>("updateDevice")
            .Description("Admins only.")
            .Argument<NonNullGraphType<UpdateDeviceInputType>>("input")
            .ResolveAsync(async c => await c.Service<DeviceService>().UpdateAsync(
                c.Caller(), c.GetArgument<UpdateDeviceInput>("input"), c.CancellationToken));

        Field<NonNullGraphType<IdGraphType>>("deleteDevice")
            .Description("Admins only. Deletes the device with its credentials; returns its ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => GlobalId.Encode(DeviceType.TypeName, await c.Service<DeviceService>().DeleteAsync(
                c.Caller(), GlobalId.Decode(c.GetArgument<string>("id"), DeviceType.TypeName), c.CancellationToken)));

        Field<NonNullGraphType<SnmpCredentialType>>("setSnmpCredential")
            .Description("Admins only.")
            .Argument<NonNullGraphType<SetSnmpCredentialInputType>>("input")
            .ResolveAsync(async c => await c.Service<CredentialService>().SetSnmpAsync(
                c.Caller(), c.GetArgument<SetSnmpCredentialInput>("input"), c.CancellationToken));

        Field<NonNullGraphType<WebPaEndpointType>>("setWebpaEndpoint")
            .Description("Admins only.")
            .Argument<NonNullGraphType<SetWebPaEndpointInputType>>("input")
            .ResolveAsync(async c => await c.Service<CredentialService>().SetWebPaAsync(
                c.Caller(), c.GetArgument<SetWebPaEndpointInput>("input"), c.CancellationToken));

        Field<NonNullGraphType<Tr069EndpointType>>("setTr069Endpoint")
            .Description("Admins only.")
            .Argument<NonNullGraphType<SetTr069EndpointInputType>>("input")
            .ResolveAsync(async c => await c.Service<CredentialService>().SetTr069Async(
                c.Caller(), c.GetArgument<SetTr069EndpointInput>("input"), c.CancellationToken));

        Field<NonNullGraphType<UspEndpointType>>("setUspEndpoint")
            .Description("Admins only.")
            .Argument<NonNullGraphType<SetUspEndpointInputType>>("input")
            .ResolveAsync(async c => await c.Service<CredentialService>().SetUspAsync(
                c.Caller(), c.GetArgument<SetUspEndpointInput>("input"), c.CancellationToken));

        Field<NonNullGraphType<JobType>>("enqueueSnmpGet")
            .Description("Reads OIDs in one GET. Operators and admins.")
            .Argument<NonNullGraphType<EnqueueSnmpGetInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                return await c.Service<JobService>().EnqueueSnmpGetAsync(c.Caller(), DeviceId(input), Strings(input["oids"]), c.CancellationToken);
            });

        Field<NonNullGraphType<JobType>>("enqueueSnmpSet")
            .Description("Writes typed values in one SET. Operators and admins.")
            .Argument<NonNullGraphType<EnqueueSnmpSetInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var varBinds = ((IEnumerable<object?>)input["varbinds"]!).Cast<SnmpSetItem>().ToArray();
                return await c.Service<JobService>().EnqueueSnmpSetAsync(c.Caller(), DeviceId(input), varBinds, c.CancellationToken);
            });

        Field<NonNullGraphType<JobType>>("enqueueSnmpBulkwalk")
            .Description("Walks subtrees with GETBULK into the job's results. Operators and admins.")
            .Argument<NonNullGraphType<EnqueueSnmpBulkwalkInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                return await c.Service<JobService>().EnqueueSnmpBulkwalkAsync(
                    c.Caller(), DeviceId(input), Strings(input["oids"]),
                    input.TryGetValue("maxRepetitions", out var m) ? (int?)m : null, c.CancellationToken);
            });

        Field<NonNullGraphType<JobType>>("enqueueWebpaGet")
            .Description("Reads TR-181 parameters through the device's WebPA (Tr1d1um) endpoint. Operators and admins.")
            .Argument<NonNullGraphType<EnqueueWebPaGetInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                return await c.Service<WebPaService>().EnqueueGetAsync(c.Caller(), DeviceId(input), Strings(input["names"]), c.CancellationToken);
            });

        Field<NonNullGraphType<JobType>>("enqueueWebpaSet")
            .Description(
                "Sets TR-181 parameters through the device's WebPA (Tr1d1um) endpoint, after checking each value against the TR-181 catalog " +
                "(see validateTr181). Operators and admins.")
            .Argument<NonNullGraphType<EnqueueWebPaSetInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var parameters = ((IEnumerable<object?>)input["parameters"]!).Cast<WebPaSetItem>().ToArray();
                var force = input.TryGetValue("force", out var f) && f is true;
                return await c.Service<WebPaService>().EnqueueSetAsync(c.Caller(), DeviceId(input), parameters, force, c.CancellationToken);
            });

        Field<NonNullGraphType<JobType>>("enqueueTr069Get")
            .Description("Reads parameters from a CPE through its ACS (GenieACS NBI), with a connection request unless the endpoint says not. Operators and admins.")
            .Argument<NonNullGraphType<EnqueueTr069GetInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                return await c.Service<Tr069Service>().EnqueueGetAsync(c.Caller(), DeviceId(input), Strings(input["names"]), c.CancellationToken);
            });

        Field<NonNullGraphType<JobType>>("enqueueTr069Set")
            .Description(
                "Sets parameters on a CPE through its ACS, after checking each value against the TR-181 catalog (see validateTr181). " +
                "Operators and admins.")
            .Argument<NonNullGraphType<EnqueueTr069SetInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var parameters = ((IEnumerable<object?>)input["parameters"]!).Cast<Tr069SetItem>().ToArray();
                var force = input.TryGetValue("force", out var f) && f is true;
                return await c.Service<Tr069Service>().EnqueueSetAsync(c.Caller(), DeviceId(input), parameters, force, c.CancellationToken);
            });

        Field<NonNullGraphType<JobType>>("enqueueUspGet")
            .Description("Reads parameters from a USP agent over MQTT or WebSocket. Operators and admins.")
            .Argument<NonNullGraphType<EnqueueUspGetInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                return await c.Service<UspService>().EnqueueGetAsync(c.Caller(), DeviceId(input), Strings(input["names"]), c.CancellationToken);
            });

        Field<NonNullGraphType<JobType>>("enqueueUspSet")
            .Description(
                "Sets parameters on a USP agent over MQTT or WebSocket, after checking each value against the TR-181 catalog (see validateTr181). " +
                "Operators and admins.")
            .Argument<NonNullGraphType<EnqueueUspSetInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var parameters = ((IEnumerable<object?>)input["parameters"]!).Cast<UspSetItem>().ToArray();
                var force = input.TryGetValue("force", out var f) && f is true;
                return await c.Service<UspService>().EnqueueSetAsync(c.Caller(), DeviceId(input), parameters, force, c.CancellationToken);
            });

        Field<NonNullGraphType<JobType>>("cancelJob")
            .Description("Cancels a queued job (it never starts) or stops a running one within a second, keeping its results so far.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<JobService>().CancelAsync(
                c.Caller(), GlobalId.Decode(c.GetArgument<string>("id"), JobType.TypeName), c.CancellationToken));

        Field<NonNullGraphType<JobType>>("uploadMib")
            .Description(
                "Uploads a .mib, .txt or .my file or a .tar.gz (.tgz) archive of MIB modules (a multipart request); returns the MIB_PARSE job " +
                "that parses and stores them. Modules replace yours of the same name. Operators and admins.")
            .Argument<NonNullGraphType<UploadGraphType>>("file")
            .Argument<StringGraphType>("name", a => a.Description = "The file name to use instead of the one the upload carries (its extension decides how it is read).")
            .ResolveAsync(async c =>
            {
                var file = c.GetArgument<UploadedFile>("file");
                return await c.Service<MibService>().UploadAsync(
                    c.Caller(), c.GetArgument<string?>("name") ?? file.FileName, file.Content, c.CancellationToken);
            });

        Field<NonNullGraphType<JobType>>("importTr181")
            .Description(
                "Imports a TR-181 data model into the catalog; returns the TR181_IMPORT job. Give a file (a multipart upload: a flattened model .xml, or a " +
                ".tar.gz of a model with the files it imports) or a source (a server-side file listed in TR181_SOURCES). A newer version of a model " +
                "updates its rows in place; the job's results list what was ADDED, CHANGED and REMOVED. Operators and admins; global imports are a " +
                "platform administrator's.")
            .Argument<UploadGraphType>("file")
            .Argument<StringGraphType>("source")
            .Argument<BooleanGraphType>("global", a =>
            {
                a.DefaultValue = false;
                a.Description = "Import into the global catalog every tenant reads (platform administrators only).";
            })
            .ResolveAsync(async c =>
            {
                var file = c.GetArgument<UploadedFile?>("file");
                return await c.Service<Tr181Service>().ImportAsync(
                    c.Caller(), file?.FileName, file?.Content, c.GetArgument<string?>("source"), c.GetArgument("global", false), c.CancellationToken);
            });

        Field<NonNullGraphType<BooleanGraphType>>("deleteTr181Model")
            .Description("Deletes one of your TR-181 models (X_ACME_Device, with or without its version) and all its items; false when you have none of that " +
                         "name. With global: true, a global model (platform administrators only). Operators and admins.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<BooleanGraphType>("global", a => a.DefaultValue = false)
            .ResolveAsync(async c => await c.Service<Tr181Service>().DeleteModelAsync(
                c.Caller(), c.GetArgument<string>("name"), c.GetArgument("global", false), c.CancellationToken));

        Field<NonNullGraphType<BooleanGraphType>>("deleteMibModule")
            .Description("Deletes one of your MIB modules (global ones give FORBIDDEN); false when there is none with that ID. Operators and admins.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<MibService>().DeleteModuleAsync(
                c.Caller(), GlobalId.Decode(c.GetArgument<string>("id"), MibModuleType.TypeName), c.CancellationToken));
    }

    private static Guid DeviceId(Dictionary<string, object?> input) => GlobalId.Decode((string)input["deviceId"]!, DeviceType.TypeName);

    private static string[] Strings(object? list) => ((IEnumerable<object?>)list!).Select(o => (string)o!).ToArray();

    private static async Task<object?> LoginAsync(IResolveFieldContext context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var user = await context.Service<UserService>().AuthenticateAsync(
            (string)input["tenantSlug"]!, (string)input["email"]!, (string)input["password"]!, context.CancellationToken);
        if (user is null)
        {
            throw new DrmException(DrmErrorCode.Unauthenticated, "Unknown tenant, email or password.");
        }

        var tokens = context.Service<TokenService>();
        var expiresAt = context.Service<TimeProvider>().GetUtcNow() + tokens.ExpiresIn;
        return new LoginPayload(tokens.Mint(user.TenantId, user.Id, user.Role), expiresAt, user);
    }
}
