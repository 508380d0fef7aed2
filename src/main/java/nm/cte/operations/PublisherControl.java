package nm.cte.operations;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import nm.cte.ledger.LedgerHeldException;
import nm.cte.run.FailureReason;
import nm.cte.run.Run;
import nm.cte.run.RunOptions;
import nm.cte.run.Runs;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.StaticService;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's controls of a serving publisher over JMX (D16, D17): Run Now for the district, a school or a student,
 * tracing on and off, and what the last run did. Runs never overlap, in this process or with a run elsewhere on the
 * same ledger (its lease).
 */
@ManagedResource(description = "nm-cte-publisher: Run Now, runs for one school or student, tracing, the last run")
public final class PublisherControl extends ServiceSupport implements StaticService, CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(PublisherControl.class);
    /** The Quartz trigger of the schedule route: quartz://cte/publish. */
    private static final TriggerKey SCHEDULE = TriggerKey.triggerKey("publish", "cte");

    private final Runs runs;
    private final String sourceUrl;
    private CamelContext camelContext;
    private ProducerTemplate template;
    private boolean running;
    private volatile Run lastRun;
    private volatile String lastFailure;

    /** @param sourceUrl the PowerSchool database's URL, which a failure's message names */
    public PublisherControl(Runs runs, String sourceUrl) {
        this.runs = runs;
        this.sourceUrl = sourceUrl;
    }

    @ManagedOperation(description = "Start a run of the whole district now; mode: changes, all or missing")
    public String runNow(String mode) {
        return runNow(mode, null, null);
    }

    /**
     * Run Now with a mode and, optionally, one school or one student: the publishing page's button.
     *
     * @param school a SCHOOL_NUMBER, or null
     * @param student a STATE_STUDENTNUMBER or STUDENT_NUMBER, or null
     */
    public String runNow(String mode, Integer school, String student) {
        RunOptions.Mode parsed = mode(mode);
        if (parsed == null) {
            return "mode must be changes, all or missing, not '" + mode + "'";
        }
        if (school != null && student != null) {
            return "a run is for one school or one student, not both; nothing started";
        }
        return start(new RunOptions(parsed, school, student, false, false));
    }

    private static RunOptions.Mode mode(String mode) {
        try {
            return RunOptions.Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /**
     * A run that sends nothing (explain's, D17), started now and waited for, in the same turn as every other run.
     *
     * @throws RunRefusedException while another run is in flight, saying which
     */
    public Run dryRun(RunOptions options) {
        if (!options.dryRun()) {
            throw new IllegalArgumentException("only a dry run is waited for: " + options);
        }
        String refusal = takeTurn();
        if (refusal != null) {
            throw new RunRefusedException(refusal);
        }
        try {
            return template.requestBody("direct:run", options, Run.class);
        } finally {
            synchronized (this) {
                running = false;
            }
        }
    }

    /** The run in flight, or null (none, or one still reading the district's reference data). */
    public Run inFlight() {
        return runs.inFlight();
    }

    @ManagedOperation(description = "Start a run for one school now (its SCHOOL_NUMBER)")
    public String runForSchool(int schoolNumber) {
        return start(new RunOptions(RunOptions.Mode.CHANGES, schoolNumber, null, false, false));
    }

    @ManagedOperation(description = "Start a run for one student now (STATE_STUDENTNUMBER or STUDENT_NUMBER)")
    public String runForStudent(String id) {
        return start(new RunOptions(RunOptions.Mode.CHANGES, null, id, false, false));
    }

    /**
     * The schedule's run (D16): changes mode, skipped while another run is in flight here or elsewhere on the ledger,
     * and when another process ran this fire already.
     *
     * @param fire when the schedule meant this run to start (Quartz's scheduledFireTime), the same on every machine
     */
    public String scheduled(Date fire) {
        RunOptions options = new RunOptions(RunOptions.Mode.CHANGES, null, null, false, false, fire == null ? null : fire.toInstant());
        String answer = start(options);
        if (!answer.startsWith("run started")) {
            LOG.warn("Scheduled run skipped: {}", answer);
        }
        return answer;
    }

    @ManagedOperation(description = "Switch route tracing on (secrets never show in it)")
    public String tracingOn() {
        camelContext.getTracer().setEnabled(true);
        return "tracing is on";
    }

    @ManagedOperation(description = "Switch route tracing off")
    public String tracingOff() {
        camelContext.getTracer().setEnabled(false);
        return "tracing is off";
    }

    @ManagedAttribute(description = "Whether a run is in flight")
    public synchronized boolean isRunning() {
        return running;
    }

    @ManagedAttribute(description = "Whether route tracing is on")
    public boolean isTracing() {
        return camelContext.getTracer().isEnabled();
    }

    @ManagedAttribute(description = "The number of the last finished run (0: none yet)")
    public long getLastRunNumber() {
        Run run = lastRun;
        return run == null ? 0 : run.number();
    }

    @ManagedAttribute(description = "When the last finished run started")
    public String getLastRunStart() {
        Run run = lastRun;
        return run == null ? "" : run.summary().started().toString();
    }

    @ManagedAttribute(description = "When the last finished run ended")
    public String getLastRunEnd() {
        Run run = lastRun;
        return run == null || run.summary().finished() == null ? "" : run.summary().finished().toString();
    }

    @ManagedAttribute(description = "The last finished run's records by status")
    public String getLastRunCounts() {
        Run run = lastRun;
        return run == null ? "" : run.summary().statusCounts();
    }

    @ManagedAttribute(description = "Why the last run failed, if it did")
    public String getLastFailure() {
        return lastFailure == null ? "" : lastFailure;
    }

    @ManagedAttribute(description = "When the schedule starts the next run")
    public String getNextScheduledTime() {
        try {
            QuartzComponent quartz = camelContext.getComponent("quartz", QuartzComponent.class);
            Trigger trigger = quartz.getScheduler().getTrigger(SCHEDULE);
            Date next = trigger == null ? null : trigger.getNextFireTime();
            return next == null ? "not scheduled" : next.toInstant().toString();
        } catch (Exception e) {
            return "not scheduled";
        }
    }

    /**
     * Starts a run in the background, unless one is in flight here or another process holds the ledger: two runs never
     * overlap (D16). The run itself takes the ledger's lease; one that loses it to a run started at the same moment
     * elsewhere does not start, and says so in the log.
     */
    private String start(RunOptions options) {
        String refusal = takeTurn();
        if (refusal != null) {
            return refusal;
        }
        // a run of another process holds the ledger: said now, though the run's own taking of the lease decides
        Optional<String> held = runs.heldElsewhere();
        if (held.isPresent()) {
            synchronized (this) {
                running = false;
            }
            return held.get() + "; nothing started";
        }
        LOG.info("Run requested: mode {}{}", options.mode().name().toLowerCase(Locale.ROOT),
                options.isSelective() ? ", " + options.selection() : "");
        template.asyncRequestBody("direct:run", options, Run.class).whenComplete((run, failure) -> {
            if (run != null) {
                lastRun = run;
                lastFailure = null;
            } else if (heldElsewhere(failure)) {
                LOG.warn("{} skipped: {}", options.scheduledFire() != null ? "Scheduled run" : "Run",
                        FailureReason.oneLine(failure, sourceUrl));
            } else {
                lastFailure = Instant.now() + ": " + FailureReason.oneLine(failure, sourceUrl);
                LOG.error("Run failed: {}", FailureReason.oneLine(failure, sourceUrl));
            }
            synchronized (this) {
                running = false;
            }
        });
        return "run started: mode " + options.mode().name().toLowerCase(Locale.ROOT)
                + (options.isSelective() ? ", " + options.selection() : "");
    }

    /** Takes the one turn there is for a run (D16); the refusal, saying which run holds it, when another has it. */
    private synchronized String takeTurn() {
        if (running) {
            Run current = runs.inFlight();
            return "already running (run " + (current == null ? "starting" : current.number()) + "); nothing started";
        }
        running = true;
        return null;
    }

    private static boolean heldElsewhere(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LedgerHeldException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    protected void doStart() {
        template = camelContext.createProducerTemplate();
    }

    @Override
    protected void doStop() throws Exception {
        if (template != null) {
            template.stop();
        }
    }
}
