using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Drm.Protocols.Snmp.Ber;
using Drm.Protocols.Snmp.Pdus;
using Drm.Protocols.Snmp.Security;

namespace Drm.Protocols.Snmp;

public sealed partial class SnmpClient
{
    // RFC 3414 §3.2: usmStats counters an agent reports instead of answering.
    private static readonly ObjectIdentifier UsmStats = ObjectIdentifier.Parse("1.3.6.1.6.3.15.1.1");
    private static readonly ObjectIdentifier UnsupportedSecLevels = UsmStats.Append(1, 0);
    private static readonly ObjectIdentifier NotInTimeWindows = UsmStats.Append(2, 0);
    private static readonly ObjectIdentifier UnknownUserNames = UsmStats.Append(3, 0);
    private static readonly ObjectIdentifier UnknownEngineIds = UsmStats.Append(4, 0);
    private static readonly ObjectIdentifier WrongDigests = UsmStats.Append(5, 0);
    private static readonly ObjectIdentifier DecryptionErrors = UsmStats.Append(6, 0);

    // What we know of each agent's engine (RFC 3414 §2.3): its ID, and boots/time anchored to our clock.
    private static readonly ConcurrentDictionary<IPEndPoint, EngineState> Engines = new();
    private static readonly UsmKeyCache Keys = new();

    private const int MaxMessageSize = 65_507;

    private async Task<SnmpPdu> RequestV3Async(Func<int, SnmpPdu> build, CancellationToken cancellationToken)
    {
        var user = Agent.User ?? throw new InvalidOperationException("An SNMPv3 agent needs a User.");
        var engine = Engines.TryGetValue(Agent.EndPoint, out var known) ? known : await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        var resynchronised = false;
        while (true)
        {
            var pdu = build(transport.NextId());
            var keys = Keys.GetOrCreate(user.Name, user.Auth, user.AuthPassword, user.Priv, user.PrivPassword, engine.EngineId);
            var (boots, time) = engine.Now();
            var scoped = V3Message.EncodeScopedPdu(engine.EngineId, Agent.ContextName.Span, pdu);
            var flags = V3Flags.Reportable;
            byte[] privParameters = [];
            if (user.Priv != SnmpPrivProtocol.None)
            {
                scoped = UsmPrivacy.Encrypt(user.Priv, keys.PrivKey, boots, time, scoped, out privParameters);
                flags |= V3Flags.Privacy;
            }

            if (user.Auth != SnmpAuthProtocol.None)
            {
                flags |= V3Flags.Authentication;
            }

            var security = new UsmSecurityParameters(
                engine.EngineId, boots, time, Encoding.UTF8.GetBytes(user.Name),
                new byte[user.Auth == SnmpAuthProtocol.None ? 0 : SnmpSecurityProtocols.DigestLength(user.Auth)], privParameters);
            var messageId = transport.NextId();
            var datagram = new V3Message(messageId, MaxMessageSize, flags, security, scoped).Encode(out var authAt);
            if (user.Auth != SnmpAuthProtocol.None)
            {
                UsmAuthentication.Sign(user.Auth, keys.AuthKey, datagram, authAt);
            }

            var responseBytes = await SendWithRetriesAsync(messageId, pdu.Type, datagram, cancellationToken).ConfigureAwait(false);
            var (response, answer) = OpenV3(responseBytes, user, keys, pdu.Type);
            if (answer.Type != SnmpPduType.Report)
            {
                Engines[Agent.EndPoint] = engine.Update(response.Security);
                return answer;
            }

            var reported = answer.VarBinds.Count > 0 ? answer.VarBinds[0].Oid : default;
            if ((reported == UnknownEngineIds || reported == NotInTimeWindows) && !resynchronised)
            {
                // RFC 3414 §4: learn the engine's ID or clock from the report and try once more.
                engine = EngineState.From(response.Security);
                Engines[Agent.EndPoint] = engine;
                resynchronised = true;
                continue;
            }

            throw ReportToException(reported, pdu.Type);
        }
    }

    private async Task<EngineState> DiscoverAsync(CancellationToken cancellationToken)
    {
        // RFC 3414 §4: an empty, unauthenticated, reportable request makes the agent reveal its engine ID, boots and time.
        var messageId = transport.NextId();
        var probe = V3Message.EncodeScopedPdu([], [], new SnmpPdu(SnmpPduType.GetRequest, transport.NextId(), 0, 0, []));
        var datagram = new V3Message(messageId, MaxMessageSize, V3Flags.Reportable,
            new UsmSecurityParameters(Array.Empty<byte>(), 0, 0, Array.Empty<byte>(), Array.Empty<byte>(), Array.Empty<byte>()), probe)
            .Encode(out _);
        var responseBytes = await SendWithRetriesAsync(messageId, SnmpPduType.GetRequest, datagram, cancellationToken).ConfigureAwait(false);
        V3Message response;
        try
        {
            response = V3Message.Decode(responseBytes, out _);
        }
        catch (BerContentException e)
        {
            throw new SnmpClientException("The agent's discovery report is malformed: " + e.Message, Agent.EndPoint, innerException: e);
        }

        if (response.Security.EngineId.IsEmpty)
        {
            throw new SnmpClientException("The agent did not reveal its engine ID", Agent.EndPoint);
        }

        var engine = EngineState.From(response.Security);
        Engines[Agent.EndPoint] = engine;
        return engine;
    }

    private (V3Message Message, SnmpPdu Pdu) OpenV3(byte[] bytes, SnmpUser user, UsmLocalizedKeys keys, SnmpPduType requestType)
    {
        try
        {
            var message = V3Message.Decode(bytes, out var authAt);
            if ((message.Flags & V3Flags.Authentication) != 0 &&
                (user.Auth == SnmpAuthProtocol.None || !UsmAuthentication.Verify(user.Auth, keys.AuthKey, bytes, authAt)))
            {
                throw new SnmpAuthException("The agent's response failed authentication (wrong auth password?)", Agent.EndPoint);
            }

            var scoped = message.ScopedPdu;
            if (message.Encrypted)
            {
                scoped = UsmPrivacy.Decrypt(user.Priv, keys.PrivKey, message.Security.EngineBoots, message.Security.EngineTime,
                    message.Security.PrivacyParameters.Span, scoped.Span);
            }

            return (message, V3Message.DecodeScopedPdu(scoped.Span));
        }
        catch (BerContentException e)
        {
            throw new SnmpClientException("The agent's response is malformed: " + e.Message, Agent.EndPoint, requestType, innerException: e);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new SnmpAuthException("The agent's response could not be decrypted (wrong privacy password?): " + e.Message, Agent.EndPoint);
        }
    }

    private SnmpClientException ReportToException(ObjectIdentifier reported, SnmpPduType requestType)
    {
        var reason = reported == UnknownUserNames ? "unknown user name"
            : reported == WrongDigests ? "wrong digest (wrong authentication password or protocol)"
            : reported == DecryptionErrors ? "decryption error (wrong privacy password or protocol)"
            : reported == UnsupportedSecLevels ? "unsupported security level"
            : reported == NotInTimeWindows ? "not in time window, even after resynchronising"
            : reported == UnknownEngineIds ? "unknown engine ID, even after rediscovery"
            : null;
        return reason is not null
            ? new SnmpAuthException($"The agent refused the request: {reason} (user {Agent.User?.Name})", Agent.EndPoint)
            : new SnmpClientException($"The agent sent a report: {reported}", Agent.EndPoint, requestType);
    }

    private sealed record EngineState(byte[] EngineId, int Boots, int Time, long Anchor)
    {
        public static EngineState From(UsmSecurityParameters security) =>
            new(security.EngineId.ToArray(), security.EngineBoots, security.EngineTime, Stopwatch.GetTimestamp());

        public EngineState Update(UsmSecurityParameters security) =>
            security.EngineId.Span.SequenceEqual(EngineId) ? From(security) : this;

        // RFC 3414 §2.3: our estimate of the agent's clock is its last reported time plus what has passed here since.
        public (int Boots, int Time) Now() =>
            (Boots, (int)Math.Min(int.MaxValue, Time + (long)Stopwatch.GetElapsedTime(Anchor).TotalSeconds));
    }
}
