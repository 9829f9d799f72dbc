package fi.ecosystem.local;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The value type of the collections' maps: a document is written as BSON, what the wire carried, instead of as a
 * Java-serialised object (H2's {@link ObjectDataType}, which writes a document's classes and field names again in
 * every value). Java serialisation of the documents in and out of pages was about a third of the store's CPU in a
 * registration burst, and made every page rewritten at a commit two to three times larger.
 *
 * <p>A BSON value starts with a tag of its own ({@link #BSON}), one {@code ObjectDataType} never writes, so a store
 * written before (every value Java-serialised) opens unchanged: its values are read as {@code ObjectDataType} wrote
 * them and written as BSON when next changed. A document BSON cannot carry is Java-serialised as before. The code
 * before this type does not read a store written with it ("unknown tag").
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** The tag of a BSON value; {@code ObjectDataType}'s own tags are 0–119. */
    static final byte BSON = 127;

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private static final ObjectDataType JAVA_SERIALISED = new ObjectDataType();

    /** The average length of the values written, for the pages' memory estimate (as {@code ObjectDataType} keeps). */
    private volatile int averageLength = 512;

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        // a document's objects take several times its BSON length on the heap; the page cache's budget counts this
        return 64 + 4 * averageLength;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        byte[] bson = encode(document);
        if (bson == null) {
            JAVA_SERIALISED.write(buffer, document);
            return;
        }
        buffer.put(BSON).put(bson);
        averageLength = (bson.length + 15 * averageLength) / 16;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) JAVA_SERIALISED.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    @Override
    public int compare(Document a, Document b) {
        if (a.equals(b)) {
            return 0;
        }
        byte[] x = encode(a);
        byte[] y = encode(b);
        return x != null && y != null ? Arrays.compare(x, y) : JAVA_SERIALISED.compare(a, b);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** The document's BSON, or null when it holds a value BSON cannot carry. */
    private byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer(2 * averageLength);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } catch (RuntimeException cannotCarry) {
            return null;
        } finally {
            buffer.release();
        }
    }
}
