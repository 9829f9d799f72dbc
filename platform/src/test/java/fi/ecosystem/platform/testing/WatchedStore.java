package fi.ecosystem.platform.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.function.Consumer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/** A client of the embedded store that shows each command it sends, for tests that count what reaches the store. */
public final class WatchedStore {

    private WatchedStore() {
    }

    public static MongoClient client(Consumer<CommandStartedEvent> watcher) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(EmbeddedStore.uri())).addCommandListener(listener(watcher)).build());
    }

    /** The service's own client under test shows each command it sends (a bean of the test's context). */
    public static MongoClientSettingsBuilderCustomizer watching(Consumer<CommandStartedEvent> watcher) {
        return settings -> settings.addCommandListener(listener(watcher));
    }

    /** A command as the tests match it: its name, its collection (or other target) and its whole text. */
    public static String describe(CommandStartedEvent started) {
        var target = started.getCommand().get(started.getCommandName());
        return started.getCommandName() + " " + (target != null && target.isString() ? target.asString().getValue() : target)
                + " " + started.getCommand().toJson();
    }

    private static CommandListener listener(Consumer<CommandStartedEvent> watcher) {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent started) {
                watcher.accept(started);
            }
        };
    }
}
