package fi.ecosystem.platform.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.function.Consumer;

/** A client of the embedded store that shows each command it sends, for tests that count what reaches the store. */
public final class WatchedStore {

    private WatchedStore() {
    }

    public static MongoClient client(Consumer<CommandStartedEvent> watcher) {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent started) {
                watcher.accept(started);
            }
        };
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(EmbeddedStore.uri())).addCommandListener(listener).build());
    }
}
