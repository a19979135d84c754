using Akka.Actor;
using Akka.Hosting;
using Drm.Engine.Jobs.Actors;
using Drm.Protocols.Snmp.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace Drm.Engine.Jobs;

public static class JobEngineServiceCollectionExtensions
{
    /// <summary>The job engine: an Akka.NET actor system (started with the host) with the job supervisor at its root.</summary>
    public static IServiceCollection AddJobEngine(this IServiceCollection services, JobEngineOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobService>();
        services.AddSingleton<SnmpUdpTransport>(_ => new SnmpUdpTransport(maxInFlight: options.MaxInFlightRequests));
        services.AddSingleton<SnmpJobWork>();
        services.AddSingleton<Mibs.MibParseJobWork>();
        services.AddSingleton<Tr181.Tr181ImportJobWork>();
        // One HttpClient for every Tr1d1um server and ACS: pooled connections, renewed so DNS changes are seen; each
        // request has its own timeout. It is not registered as HttpClient, which is not ours to hand out.
        var http = new Lazy<HttpClient>(() => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        });
        services.AddSingleton(_ => new Drm.Protocols.WebPa.WebPaClient(http.Value));
        services.AddSingleton(_ => new Drm.Protocols.Tr069.GenieAcsClient(http.Value));
        services.AddSingleton<WebPa.WebPaJobWork>();
        services.AddSingleton<Tr069.Tr069JobWork>();
        services.AddSingleton<Drm.Protocols.Usp.UspClient>();
        services.AddSingleton<Usp.UspJobWork>();
        services.AddSingleton<JobWorkRouter>();
        services.AddSingleton<IJobDispatcher, ActorJobDispatcher>();
        services.AddSingleton<JobNotificationHub>();
        services.AddHostedService(provider => provider.GetRequiredService<JobNotificationHub>());
        services.AddAkka("drm", (builder, provider) =>
        {
            builder.AddHocon("akka.loglevel = INFO\nakka.stdout-loglevel = WARNING", HoconAddMode.Prepend);
            builder.WithActors((system, registry) =>
            {
                var store = provider.GetRequiredService<JobStore>();
                var work = provider.GetRequiredService<JobWorkRouter>();
                Func<JobTicket, Props> runnerProps = ticket => Props.Create(() => new JobRunner(ticket, store, work, options));
                Func<Guid, Props> deviceProps = _ => Props.Create(() => new DeviceActor(store, runnerProps));
                var supervisor = system.ActorOf(Props.Create(() => new JobSupervisor(store, options, deviceProps)), "jobs");
                registry.Register<JobSupervisor>(supervisor);
            });
        });
        return services;
    }
}
