CREATE TABLE tenants (
    id          uuid PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenants_isolation ON tenants
    USING (id = app.current_tenant() OR app.is_platform_admin())
    WITH CHECK (id = app.current_tenant() OR app.is_platform_admin());
CREATE TRIGGER tenants_touch BEFORE UPDATE ON tenants FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- Login knows a tenant only by its slug before any context exists. This function, owned by the migration role,
-- answers that one question; the policy below lets only its owner (never the service role) see every slug.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY tenants_login_lookup ON tenants FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION app.tenant_id_by_slug(tenant_slug text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id FROM tenants WHERE slug = tenant_slug
$$;
REVOKE ALL ON FUNCTION app.tenant_id_by_slug(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.tenant_id_by_slug(text) TO $app_role$;

CREATE TABLE users (
    id             uuid PRIMARY KEY,
    tenant_id      uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    email          text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    display_name   text,
    password_hash  text NOT NULL,
    role           text NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_tenant_email ON users (tenant_id, lower(email));
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY users_isolation ON users
    USING (tenant_id = app.current_tenant())
    WITH CHECK (tenant_id = app.current_tenant());
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

CREATE TABLE devices (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    address      text NOT NULL CHECK (length(address) BETWEEN 1 AND 255),
    tags         text[] NOT NULL DEFAULT '{}',
    description  text,
    created_by   uuid DEFAULT app.current_user_id(),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);
CREATE INDEX devices_tags ON devices USING gin (tags);
ALTER TABLE devices ENABLE ROW LEVEL SECURITY;
ALTER TABLE devices FORCE ROW LEVEL SECURITY;
CREATE POLICY devices_isolation ON devices
    USING (tenant_id = app.current_tenant())
    WITH CHECK (tenant_id = app.current_tenant());
CREATE TRIGGER devices_touch BEFORE UPDATE ON devices FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, users, devices TO $app_role$;
