package org.proposalledger.standalone.rebuild;

import org.proposalledger.query.rebuild.ProjectionProgress;
import org.proposalledger.query.rebuild.ReadModelRebuild;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code --ledger.rebuild=true}: at start-up, resets every read-model processor and replays the
 * whole event store into fresh read models, printing a progress line every two seconds and the
 * events/s at the end. Then keeps serving, or stops with {@code --ledger.rebuild.exit=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.rebuild", havingValue = "true")
@EnableConfigurationProperties(RebuildProperties.class)
public class RebuildOnStart {

    @Bean
    public ApplicationRunner rebuildReadModels(ReadModelRebuild rebuild, ProjectionProgress progress,
                                               ConfigurableApplicationContext context,
                                               RebuildProperties properties) {
        boolean exit = properties.isExit();
        return args -> {
            ProjectionProgress.Rebuild started = rebuild.start("command-line");
            System.out.printf("Rebuilding the read models: replaying %,d events%n", started.events());
            ProjectionProgress.Rebuild done = await(progress, started, 2000, System.out::println);
            System.out.printf("Rebuild finished: %,d events in %.1f s, %,.0f events/s%n", done.events(),
                    done.elapsedMillis() / 1000.0, done.eventsPerSecond());
            if (exit) {
                // closing the context alone leaves worker threads running
                System.exit(SpringApplication.exit(context));
            }
        };
    }

    /** Waits for {@code started} to finish, handing a progress line to {@code out} every {@code everyMillis}. */
    public static ProjectionProgress.Rebuild await(ProjectionProgress progress, ProjectionProgress.Rebuild started,
                                                   long everyMillis, Consumer<String> out) throws InterruptedException {
        long next = System.currentTimeMillis() + everyMillis;
        while (progress.runningRebuild() == started) {
            Thread.sleep(100);
            if (System.currentTimeMillis() >= next) {
                next += everyMillis;
                out.accept(line(progress));
            }
        }
        ProjectionProgress.Rebuild last = progress.lastRebuild();
        if (last == null || !last.startedAt().equals(started.startedAt())) {
            throw new IllegalStateException("the rebuild was abandoned");
        }
        return last;
    }

    static String line(ProjectionProgress progress) {
        return "rebuild: " + progress.processors().stream().filter(ProjectionProgress.ProcessorState::readModel)
                .map(p -> String.format("%s %,d/%,d (%.1f%%) %,.0f events/s %s", p.name(),
                        p.position() == null ? -1 : p.position(), p.head(),
                        p.percentDone() == null ? 0.0 : p.percentDone(),
                        p.eventsPerSecond() == null ? 0.0 : p.eventsPerSecond(),
                        p.secondsLeft() == null ? "" : "~" + p.secondsLeft() + " s left"))
                .collect(Collectors.joining(" · "));
    }
}
