package fi.ecosystem.events;

import fi.ecosystem.events.registration.mail.MailStreams;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class EventsApplication {

    public static void main(String[] args) {
        MailStreams.named();
        SpringApplication.run(EventsApplication.class, args);
    }
}
