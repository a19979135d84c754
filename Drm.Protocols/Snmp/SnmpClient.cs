using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Drm.Protocols.Snmp.Ber;
using Drm.Protocols.Snmp.Pdus;
using Drm.Protocols.Snmp.Security;
using Drm.Protocols.Snmp.Transport;
using Polly;
using Polly.Retry;

namespace Drm.Protocols.Snmp;

/// <summary>
/// Talks SNMPv1/v2c to one agent over a shared <see cref="SnmpUdpTransport"/>: GET, GETNEXT, SET and bulk walks.
/// Error-status values come back as <see cref="SnmpClientException"/>; per-varbind exceptions (noSuchObject…) are data.
/// </summary>
public sealed partial class SnmpClient(SnmpUdpTransport transport, SnmpAgent agent)
{
    // Max-repetitions that last worked per agent: the next walk starts there instead of failing the same way again.
    private static readonly ConcurrentDictionary<IPEndPoint, int> LearnedMaxRepetitions = new();
    private static readonly ConcurrentDictionary<int, ResiliencePipeline> Pipelines = new();

    public SnmpAgent Agent { get; } = agent;

    /// <summary>GET of many OIDs in one PDU.</summary>
    public async Task<IReadOnlyList<VarBind>> GetAsync(IReadOnlyList<ObjectIdentifier> oids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oids);
        var response = await RequestAsync(id => SnmpPdu.Get(id, oids), cancellationToken).ConfigureAwait(false);
        return EnsureNoError(response, SnmpPduType.GetRequest).VarBinds;
    }

    public async Task<IReadOnlyList<VarBind>> GetNextAsync(IReadOnlyList<ObjectIdentifier> oids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oids);
        var response = await RequestAsync(id => SnmpPdu.GetNext(id, oids), cancellationToken).ConfigureAwait(false);
        return EnsureNoError(response, SnmpPduType.GetNextRequest).VarBinds;
    }

    /// <summary>SET of typed values; returns what the agent answered.</summary>
    public async Task<IReadOnlyList<VarBind>> SetAsync(IReadOnlyList<VarBind> varBinds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(varBinds);
        var response = await RequestAsync(id => SnmpPdu.Set(id, varBinds), cancellationToken).ConfigureAwait(false);
        return EnsureNoError(response, SnmpPduType.SetRequest).VarBinds;
    }

    /// <summary>
    /// Walks the subtree under <paramref name="root"/> in batches (one batch per response). GETBULK for v2c, GETNEXT for
    /// v1. Stops at the end of the subtree or at endOfMibView; fails on an OID that does not increase unless allowed.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<VarBind>> BulkWalkAsync(
        ObjectIdentifier root, BulkWalkOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new BulkWalkOptions();
        var maxRepetitions = options.MaxRepetitions ?? LearnedMaxRepetitions.GetValueOrDefault(Agent.EndPoint, Agent.MaxRepetitions);
        var cursor = root;
        ObjectIdentifier? last = null;
        while (true)
        {
            SnmpPdu response;
            try
            {
                var from = cursor;
                var repetitions = maxRepetitions;
                response = Agent.Version == SnmpVersion.V1
                    ? await RequestAsync(id => SnmpPdu.GetNext(id, [from]), cancellationToken).ConfigureAwait(false)
                    : await RequestAsync(id => SnmpPdu.GetBulk(id, 0, repetitions, [from]), cancellationToken).ConfigureAwait(false);
            }
            catch (SnmpTimeoutException) when (Agent.Version != SnmpVersion.V1 && maxRepetitions > 1)
            {
                // A big response may be what got lost (fragmented UDP, an agent too slow to build it): ask for less.
                maxRepetitions = Shrink(maxRepetitions);
                continue;
            }

            if (response.Status == SnmpErrorStatus.TooBig && Agent.Version != SnmpVersion.V1 && maxRepetitions > 1)
            {
                maxRepetitions = Shrink(maxRepetitions);
                continue;
            }

            if (Agent.Version == SnmpVersion.V1 && response.Status == SnmpErrorStatus.NoSuchName)
            {
                yield break; // RFC 1157: GETNEXT past the last object.
            }

            EnsureNoError(response, Agent.Version == SnmpVersion.V1 ? SnmpPduType.GetNextRequest : SnmpPduType.GetBulkRequest);
            var batch = new List<VarBind>(response.VarBinds.Count);
            var finished = response.VarBinds.Count == 0;
            foreach (var varBind in response.VarBinds)
            {
                if (varBind.Value.Type == SnmpType.EndOfMibView || !varBind.Oid.StartsWith(root) || varBind.Oid == root)
                {
                    finished = true;
                    break;
                }

                if (last is { } previous && varBind.Oid <= previous)
                {
                    if (!options.AllowNonIncreasing || varBind.Oid == previous)
                    {
                        throw new SnmpClientException(
                            $"The agent returned {varBind.Oid} after {previous}: OIDs must increase (BulkWalkOptions.AllowNonIncreasing tolerates it)",
                            Agent.EndPoint, SnmpPduType.GetBulkRequest);
                    }
                }

                batch.Add(varBind);
                last = varBind.Oid;
            }

            if (batch.Count > 0)
            {
                yield return batch;
                cursor = batch[^1].Oid;
            }

            if (finished || batch.Count == 0)
            {
                yield break;
            }
        }
    }

    private int Shrink(int maxRepetitions)
    {
        var smaller = Math.Max(1, maxRepetitions / 2);
        LearnedMaxRepetitions[Agent.EndPoint] = smaller;
        return smaller;
    }

    private async Task<SnmpPdu> RequestAsync(Func<int, SnmpPdu> build, CancellationToken cancellationToken)
    {
        if (Agent.Version == SnmpVersion.V3)
        {
            return await RequestV3Async(build, cancellationToken).ConfigureAwait(false);
        }

        var pdu = build(transport.NextId());
        var datagram = new CommunityMessage(Agent.Version, Agent.Community, pdu).Encode();
        var responseBytes = await SendWithRetriesAsync(pdu.RequestId, pdu.Type, datagram, cancellationToken).ConfigureAwait(false);

        CommunityMessage message;
        try
        {
            message = CommunityMessage.Decode(responseBytes);
        }
        catch (BerContentException e)
        {
            throw new SnmpClientException("The agent's response is malformed: " + e.Message, Agent.EndPoint, pdu.Type, innerException: e);
        }

        return message.Pdu is SnmpPdu { Type: SnmpPduType.Response } response
            ? response
            : throw new SnmpClientException("The agent answered with something other than a Response PDU", Agent.EndPoint, pdu.Type);
    }

    /// <summary>Sends a datagram matched by <paramref name="id"/>, retransmitting after each timeout with backoff.</summary>
    private async Task<byte[]> SendWithRetriesAsync(int id, SnmpPduType type, byte[] datagram, CancellationToken cancellationToken)
    {
        var state = (Client: this, Id: id, Type: type, Datagram: datagram);
        var pipeline = Pipelines.GetOrAdd(Agent.Retries, BuildPipeline);
        return await pipeline.ExecuteAsync(
            static async (s, ct) => await s.Client.SendOnceAsync(s.Id, s.Type, s.Datagram, ct).ConfigureAwait(false),
            state,
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<byte[]> SendOnceAsync(int id, SnmpPduType type, byte[] datagram, CancellationToken cancellationToken)
    {
        try
        {
            return await transport.SendAndReceiveAsync(Agent.EndPoint, datagram, id, Agent.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Agents silently drop what they cannot decrypt, so with SNMPv3 privacy a wrong password looks like a timeout.
            var hint = Agent is { Version: SnmpVersion.V3, User.Priv: not SnmpPrivProtocol.None }
                ? " (with SNMPv3 privacy this is also what a wrong privacy password or protocol looks like)"
                : "";
            throw new SnmpTimeoutException($"No response within {Agent.Timeout.TotalSeconds:0.###} s{hint}", Agent.EndPoint, type);
        }
    }

    private SnmpPdu EnsureNoError(SnmpPdu response, SnmpPduType requestType)
    {
        if (response.Status == SnmpErrorStatus.NoError)
        {
            return response;
        }

        var index = response.ErrorIndex;
        var at = index > 0 && index <= response.VarBinds.Count ? $" at {response.VarBinds[index - 1].Oid}" : "";
        throw new SnmpClientException(
            $"The agent answered {response.Status} (error-index {index}){at}", Agent.EndPoint, requestType, response.Status, index);
    }

    private static ResiliencePipeline BuildPipeline(int retries)
    {
        var builder = new ResiliencePipelineBuilder();
        if (retries > 0)
        {
            // Retransmit after a timeout only; other failures are answers, and repeating them changes nothing.
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SnmpTimeoutException>(),
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(100),
                UseJitter = true,
            });
        }

        return builder.Build();
    }
}
