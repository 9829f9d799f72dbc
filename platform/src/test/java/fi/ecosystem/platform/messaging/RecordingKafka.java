package fi.ecosystem.platform.messaging;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * A Kafka template that records what it is handed and answers as told: acknowledged at once (the default),
 * refused, or held in flight until the test lets it through. No broker is contacted.
 */
class RecordingKafka extends KafkaTemplate<String, String> {

    enum Answer { ACK, FAIL, HOLD }

    /** One record handed to the producer, and its acknowledgement. */
    record Sent(String topic, String key, String value, CompletableFuture<SendResult<String, String>> ack) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Queue<Answer> answers = new ArrayDeque<>();

    RecordingKafka() {
        super(new DefaultKafkaProducerFactory<>(Map.of()));
    }

    /** The next sends are answered so, in order; after them every send is acknowledged. */
    synchronized RecordingKafka thenAnswer(Answer... next) {
        answers.addAll(List.of(next));
        return this;
    }

    @Override
    public CompletableFuture<SendResult<String, String>> send(String topic, String key, String data) {
        Answer answer;
        synchronized (this) {
            answer = answers.isEmpty() ? Answer.ACK : answers.poll();
        }
        CompletableFuture<SendResult<String, String>> ack = switch (answer) {
            case ACK -> CompletableFuture.completedFuture(new SendResult<>(new ProducerRecord<>(topic, key, data), null));
            case FAIL -> CompletableFuture.failedFuture(new IllegalStateException("broker not available"));
            case HOLD -> new CompletableFuture<>();
        };
        sent.add(new Sent(topic, key, data, ack));
        return ack;
    }

    /** Lets every held send through. */
    void releaseHeld() {
        for (Sent one : sent) {
            one.ack().complete(new SendResult<>(new ProducerRecord<>(one.topic(), one.key(), one.value()), null));
        }
    }
}
