package dev.nebula.catalog.nebula;

import dev.nebula.catalog.nebula.NebulaDtos.CreateModel;
import dev.nebula.catalog.nebula.NebulaDtos.DeleteResult;
import dev.nebula.catalog.nebula.NebulaDtos.Deployment;
import dev.nebula.catalog.nebula.NebulaDtos.LoginResponse;
import dev.nebula.catalog.nebula.NebulaDtos.ModelSpec;
import dev.nebula.catalog.nebula.NebulaDtos.ModelView;
import dev.nebula.catalog.nebula.NebulaDtos.SessionUser;
import dev.nebula.catalog.outbound.Blocking;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * {@link NebulaClient} for blocking callers (worker threads only): each call waits as long as its kind needs, a read
 * (retried once) longer than a write, and no caller picks a number of its own. Failures are the client's
 * {@link NebulaException}s; a wait that runs out (only if a call forgot its budget) reads as a timeout too.
 */
public final class BlockingNebula {

    private final NebulaClient nebula;
    private final Blocking waits;

    BlockingNebula(NebulaClient nebula, Blocking waits) {
        this.nebula = nebula;
        this.waits = waits;
    }

    /** Any read, or several at once ({@code Uni.combine()}). */
    public <T> T read(Uni<T> reads) {
        return waits.await(reads, Blocking.Wait.NEBULA_READ);
    }

    /** Any write: sent once. */
    public <T> T write(Uni<T> write) {
        return waits.await(write, Blocking.Wait.NEBULA_WRITE);
    }

    public List<ModelView> models(String token) {
        return read(nebula.models(token));
    }

    public LoginResponse login(String username, String password) {
        return write(nebula.login(username, password));
    }

    public SessionUser me(String token) {
        return read(nebula.me(token));
    }

    public void logout(String token) {
        write(nebula.logout(token));
    }

    public ModelSpec create(String token, CreateModel request) {
        return write(nebula.create(token, request));
    }

    public DeleteResult delete(String token, String uid) {
        return write(nebula.delete(token, uid));
    }

    public Deployment start(String token, String uid) {
        return write(nebula.start(token, uid));
    }

    public Deployment stop(String token, String uid) {
        return write(nebula.stop(token, uid));
    }
}
