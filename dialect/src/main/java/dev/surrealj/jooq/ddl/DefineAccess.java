package dev.surrealj.jooq.ddl;

import dev.surrealj.jooq.SurrealQLWriter;
import java.time.Duration;

/**
 * {@code DEFINE ACCESS … ON DATABASE}: record access (SIGNUP / SIGNIN), JWT or bearer keys.
 *
 * <pre>{@code
 * SurrealDDL.defineAccess("account").record()
 *           .signup("CREATE user SET email = $email, pass = crypto::argon2::generate($pass)")
 *           .signin("SELECT * FROM user WHERE email = $email AND crypto::argon2::compare(pass, $pass)")
 *           .tokenDuration(Duration.ofMinutes(15)).sessionDuration(Duration.ofHours(12));
 *     // DEFINE ACCESS account ON DATABASE TYPE RECORD SIGNUP (…) SIGNIN (…) DURATION FOR TOKEN 15m, FOR SESSION 12h
 * SurrealDDL.defineAccess("api").jwt("HS512", key);
 *     // DEFINE ACCESS api ON DATABASE TYPE JWT ALGORITHM HS512 KEY '…'
 * }</pre>
 */
public final class DefineAccess extends DdlStatement<DefineAccess> {
    private static final long serialVersionUID = 1L;

    private final String name;
    private String type = "RECORD";
    private Object signup;
    private Object signin;
    private String algorithm;
    private String key;
    private String bearerFor;
    private Duration token;
    private Duration session;

    DefineAccess(String name) {
        this.name = name;
    }

    /** {@code TYPE RECORD} (the default). */
    public DefineAccess record() {
        type = "RECORD";
        return this;
    }

    /** {@code SIGNUP (statement)}: SurrealQL text or a query (values inlined). */
    public DefineAccess signup(Object statement) {
        signup = statement;
        return this;
    }

    /** {@code SIGNIN (statement)}. */
    public DefineAccess signin(Object statement) {
        signin = statement;
        return this;
    }

    /** {@code TYPE JWT ALGORITHM alg KEY 'key'}. */
    public DefineAccess jwt(String algorithm, String key) {
        type = "JWT";
        this.algorithm = algorithm;
        this.key = key;
        return this;
    }

    /** {@code TYPE BEARER FOR USER|RECORD}. */
    public DefineAccess bearer(String forWhat) {
        type = "BEARER";
        bearerFor = forWhat;
        return this;
    }

    /** {@code DURATION FOR TOKEN d}. */
    public DefineAccess tokenDuration(Duration d) {
        token = d;
        return this;
    }

    /** {@code DURATION FOR SESSION d}. */
    public DefineAccess sessionDuration(Duration d) {
        session = d;
        return this;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter w) {
        head(w, "ACCESS");
        w.ident(name).sql(" ON DATABASE TYPE ").sql(type);
        switch (type) {
            case "JWT" -> w.sql(" ALGORITHM ").sql(algorithm).sql(" KEY ").string(key);
            case "BEARER" -> w.sql(" FOR ").sql(bearerFor);
            default -> {
                if (signup != null) {
                    w.sql(" SIGNUP (");
                    expression(w, signup);
                    w.sql(')');
                }
                if (signin != null) {
                    w.sql(" SIGNIN (");
                    expression(w, signin);
                    w.sql(')');
                }
            }
        }
        if (token != null || session != null) {
            w.sql(" DURATION");
            if (token != null) {
                w.sql(" FOR TOKEN ").literal(token);
            }
            if (session != null) {
                w.sql(token != null ? ", FOR SESSION " : " FOR SESSION ").literal(session);
            }
        }
        tail(w);
    }
}
