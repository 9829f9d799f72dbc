package fi.ecosystem.local;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The key type of the unique indexes' maps ({@link OrderedUniqueIndex}): the same bytes in the file and the same order
 * as H2's {@link ObjectDataType} gives a {@link KeyValue}, a Java-serialised object ordered by its serialised bytes,
 * so a store written before opens unchanged and one written now opens with the old code. The difference: a key is
 * serialised once, when it is made or read from the file. {@code ObjectDataType} compares two objects that are not
 * {@code Comparable} by serialising both, on every comparison of a lookup's binary search, which was a quarter of the
 * store's CPU in a registration burst.
 */
final class SerialisedKeyType extends BasicDataType<SerialisedKeyType.Key> {

    /** What {@code ObjectDataType} writes before a serialised object's length and bytes (its TYPE_SERIALIZED_OBJECT). */
    static final byte SERIALISED_OBJECT = 19;

    static final SerialisedKeyType INSTANCE = new SerialisedKeyType();

    /** A key and its serialised bytes, which give its order. */
    record Key(KeyValue value, byte[] bytes) {

        static Key of(KeyValue value) {
            return new Key(value, ObjectDataType.serialize(value));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && value.equals(key.value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    private SerialisedKeyType() {
    }

    @Override
    public int compare(Key a, Key b) {
        return ObjectDataType.compareNotNull(a.bytes(), b.bytes());
    }

    @Override
    public int getMemory(Key key) {
        return 64 + 2 * key.bytes().length;
    }

    @Override
    public void write(WriteBuffer buffer, Key key) {
        buffer.put(SERIALISED_OBJECT).putVarInt(key.bytes().length).put(key.bytes());
    }

    @Override
    public Key read(ByteBuffer buffer) {
        int type = buffer.get();
        if (type != SERIALISED_OBJECT) {
            throw new IllegalStateException("An index key of type " + type + " where a serialised key was expected");
        }
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return new Key((KeyValue) ObjectDataType.deserialize(bytes), bytes);
    }

    @Override
    public Key[] createStorage(int size) {
        return new Key[size];
    }
}
