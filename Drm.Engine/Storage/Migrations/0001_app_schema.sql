-- The tenant context every transaction of the service sets first (see TenantDatabase).
-- set_config(..., true) is transaction-local: a pooled connection never carries one caller's tenant into the next.
CREATE SCHEMA IF NOT EXISTS app;

CREATE FUNCTION app.set_current_tenant(tenant uuid) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM set_config('app.current_tenant', COALESCE(tenant::text, ''), true);
END
$$;

CREATE FUNCTION app.set_current_user(user_id uuid) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM set_config('app.current_user', COALESCE(user_id::text, ''), true);
END
$$;

-- Only the tenants table looks at this flag: a platform administrator lists and creates tenants.
CREATE FUNCTION app.set_platform_admin(enabled boolean) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM set_config('app.platform_admin', CASE WHEN enabled THEN 'on' ELSE '' END, true);
END
$$;

CREATE FUNCTION app.current_tenant() RETURNS uuid
LANGUAGE sql STABLE AS $$
    SELECT NULLIF(current_setting('app.current_tenant', true), '')::uuid
$$;

CREATE FUNCTION app.current_user_id() RETURNS uuid
LANGUAGE sql STABLE AS $$
    SELECT NULLIF(current_setting('app.current_user', true), '')::uuid
$$;

CREATE FUNCTION app.is_platform_admin() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(current_setting('app.platform_admin', true), '') = 'on'
$$;

CREATE FUNCTION app.touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

GRANT USAGE ON SCHEMA app TO $app_role$;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO $app_role$;
GRANT SELECT ON TABLE public.schemaversions TO $app_role$;
