-- One row per device and protocol. Columns ending in _enc hold AES-GCM ciphertext (see SecretProtector);
-- the plaintext never reaches the database and the API never returns it.
-- Foreign-key checks do not apply row-level security, so each row references its device together with the tenant:
-- a tenant that guessed another tenant's device id still cannot attach a credential to it.
ALTER TABLE devices ADD CONSTRAINT devices_id_tenant UNIQUE (id, tenant_id);

CREATE TABLE snmp_credentials (
    device_id          uuid PRIMARY KEY,
    tenant_id          uuid NOT NULL,
    version            text NOT NULL CHECK (version IN ('1', '2c', '3')),
    community_enc      bytea,
    username           text,
    auth_protocol      text CHECK (auth_protocol IN ('MD5', 'SHA', 'SHA224', 'SHA256', 'SHA384', 'SHA512')),
    auth_password_enc  bytea,
    priv_protocol      text CHECK (priv_protocol IN ('DES', '3DES', 'AES', 'AES192', 'AES256', 'AES192C', 'AES256C')),
    priv_password_enc  bytea,
    context_name       text,
    port               integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
    timeout_ms         integer NOT NULL CHECK (timeout_ms BETWEEN 1 AND 600000),
    retries            integer NOT NULL CHECK (retries BETWEEN 0 AND 20),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webpa_endpoints (
    device_id         uuid PRIMARY KEY,
    tenant_id         uuid NOT NULL,
    base_url          text NOT NULL,
    cpe_id            text NOT NULL,
    service           text NOT NULL DEFAULT 'config',
    auth_type         text NOT NULL CHECK (auth_type IN ('none', 'basic', 'bearer', 'api_key')),
    auth_username     text,
    auth_secret_enc   bytea,
    auth_header_name  text,
    timeout_ms        integer NOT NULL CHECK (timeout_ms BETWEEN 1 AND 600000),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tr069_endpoints (
    device_id           uuid PRIMARY KEY,
    tenant_id           uuid NOT NULL,
    base_url            text NOT NULL,
    cpe_id              text NOT NULL,
    connection_request  boolean NOT NULL DEFAULT true,
    auth_type           text NOT NULL CHECK (auth_type IN ('none', 'basic', 'bearer', 'api_key')),
    auth_username       text,
    auth_secret_enc     bytea,
    auth_header_name    text,
    timeout_ms          integer NOT NULL CHECK (timeout_ms BETWEEN 1 AND 600000),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE usp_endpoints (
    device_id           uuid PRIMARY KEY,
    tenant_id           uuid NOT NULL,
    agent_endpoint_id   text NOT NULL,
    transport           text NOT NULL CHECK (transport IN ('http', 'mqtt', 'websocket')),
    base_url            text NOT NULL,
    mqtt_topic          text,
    auth_type           text NOT NULL CHECK (auth_type IN ('none', 'basic', 'bearer', 'api_key')),
    auth_username       text,
    auth_secret_enc     bytea,
    auth_header_name    text,
    timeout_ms          integer NOT NULL CHECK (timeout_ms BETWEEN 1 AND 600000),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['snmp_credentials', 'webpa_endpoints', 'tr069_endpoints', 'usp_endpoints'] LOOP
        EXECUTE format('ALTER TABLE %I ADD FOREIGN KEY (device_id, tenant_id) '
                       'REFERENCES devices (id, tenant_id) ON DELETE CASCADE', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = app.current_tenant()) '
                       'WITH CHECK (tenant_id = app.current_tenant())', t || '_isolation', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at()',
                       t || '_touch', t);
    END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON snmp_credentials, webpa_endpoints, tr069_endpoints, usp_endpoints TO $app_role$;
