package pl.konwent.app;

import io.dropwizard.auth.AuthValueFactoryProvider;
import pl.konwent.adapters.files.FilesystemFileStore;
import pl.konwent.adapters.jdbi.access.JdbiAccounts;
import pl.konwent.adapters.jdbi.access.JdbiAttempts;
import pl.konwent.adapters.jdbi.integration.JdbiDeliveryQueue;
import pl.konwent.adapters.jdbi.integration.JdbiEvents;
import pl.konwent.adapters.jdbi.integration.JdbiWebhooks;
import pl.konwent.adapters.jdbi.documents.JdbiChainRecords;
import pl.konwent.adapters.jdbi.documents.JdbiDocuments;
import pl.konwent.adapters.web.documents.ArchiveChainResource;
import pl.konwent.adapters.web.documents.DocumentResource;
import pl.konwent.domain.documents.ArchiveChainService;
import pl.konwent.domain.documents.ChainedDocuments;
import pl.konwent.domain.documents.DocumentService;
import pl.konwent.domain.shared.Events;
import pl.konwent.adapters.jdbi.mail.JdbiOutbox;
import pl.konwent.adapters.jdbi.calendar.JdbiCalendarTasks;
import pl.konwent.adapters.jdbi.calendar.JdbiReminders;
import pl.konwent.adapters.web.calendar.CalendarResource;
import pl.konwent.domain.calendar.CalendarService;
import pl.konwent.adapters.web.integration.WebhookResource;
import pl.konwent.domain.integration.WebhookService;
import pl.konwent.adapters.jdbi.meetings.JdbiCommuniques;
import pl.konwent.adapters.jdbi.meetings.JdbiCompetitions;
import pl.konwent.adapters.jdbi.meetings.JdbiMeetings;
import pl.konwent.adapters.jdbi.meetings.JdbiRecipients;
import pl.konwent.adapters.jdbi.meetings.JdbiRegistrations;
import pl.konwent.adapters.jdbi.meetings.JdbiWorkPlans;
import pl.konwent.adapters.web.meetings.CommuniqueResource;
import pl.konwent.adapters.web.meetings.CompetitionResource;
import pl.konwent.adapters.web.meetings.MeetingCalendarResource;
import pl.konwent.adapters.web.meetings.MeetingResource;
import pl.konwent.adapters.web.meetings.MeetingResultsResource;
import pl.konwent.adapters.web.meetings.MinutesResource;
import pl.konwent.adapters.web.meetings.RegistrationResource;
import pl.konwent.adapters.web.meetings.WorkPlanResource;
import pl.konwent.adapters.jdbi.publication.JdbiFeedSources;
import pl.konwent.adapters.jdbi.publication.JdbiKonwentLinks;
import pl.konwent.adapters.web.publication.FeedResource;
import pl.konwent.adapters.web.publication.KonwentLinkResource;
import pl.konwent.adapters.web.publication.PortalResource;
import pl.konwent.domain.publication.FeedService;
import pl.konwent.domain.meetings.CommuniqueService;
import pl.konwent.domain.meetings.CompetitionService;
import pl.konwent.domain.meetings.MeetingService;
import pl.konwent.domain.meetings.MinutesService;
import pl.konwent.domain.meetings.RegistrationService;
import pl.konwent.domain.meetings.WorkPlanService;
import pl.konwent.adapters.jdbi.access.JdbiRoleGrants;
import pl.konwent.adapters.jdbi.access.JdbiTokens;
import pl.konwent.adapters.jdbi.audit.JdbiAuditTrail;
import pl.konwent.adapters.security.BcryptPasswordHasher;
import pl.konwent.adapters.security.SecureIdSource;
import pl.konwent.adapters.security.ServerSecret;
import pl.konwent.adapters.security.VerifiedPasswords;
import pl.konwent.adapters.web.access.AccountResource;
import pl.konwent.adapters.web.council.CouncilResource;
import pl.konwent.adapters.web.council.ElectionResource;
import pl.konwent.adapters.web.access.CallerAuthentication;
import pl.konwent.adapters.web.access.TokenResource;
import pl.konwent.adapters.web.audit.AuditFilter;
import pl.konwent.adapters.web.audit.AuditResource;
import pl.konwent.domain.access.AccountService;
import pl.konwent.domain.access.Authentication;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.LoginThrottle;
import pl.konwent.domain.access.PasswordHasher;
import pl.konwent.domain.audit.AuditService;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.voting.AuthorisationService;
import pl.konwent.domain.voting.VotingService;
import pl.konwent.adapters.jdbi.voting.JdbiBallotSealer;
import pl.konwent.adapters.jdbi.voting.JdbiSecretBallots;
import pl.konwent.adapters.jdbi.voting.JdbiAuthorisations;
import pl.konwent.adapters.pdf.PdfaMinutesRenderer;
import pl.konwent.adapters.jdbi.voting.JdbiVotes;
import pl.konwent.adapters.security.KeyWrap;
import pl.konwent.adapters.jdbi.council.JdbiLotSeeds;
import pl.konwent.adapters.jdbi.voting.JdbiFixedRules;
import pl.konwent.adapters.jdbi.voting.JdbiNonVoters;
import pl.konwent.domain.voting.Reminders;
import pl.konwent.domain.voting.SecretBallots;
import pl.konwent.adapters.web.voting.AuthorisationResource;
import pl.konwent.adapters.web.voting.VoteResource;
import pl.konwent.domain.shared.Attempts;
import pl.konwent.domain.shared.Throttle;
import pl.konwent.domain.membership.MembershipService;
import pl.konwent.adapters.jdbi.council.JdbiCouncilTerms;
import pl.konwent.adapters.jdbi.council.JdbiElections;
import pl.konwent.adapters.jdbi.council.JdbiOffices;
import pl.konwent.adapters.jdbi.membership.JdbiDeclarations;
import pl.konwent.adapters.jdbi.membership.JdbiMembers;
import pl.konwent.adapters.web.membership.DeclarationResource;
import pl.konwent.adapters.web.membership.MemberResource;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.migrations.MigrationsBundle;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import org.glassfish.jersey.server.ServerProperties;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.adapters.jdbi.ClusterReads;
import pl.konwent.adapters.jdbi.JdbiUnitOfWork;
import pl.konwent.adapters.web.http.ClusterConsistentResources;
import pl.konwent.adapters.jdbi.http.JdbiIdempotencyStore;
import pl.konwent.adapters.jdbi.konwent.JdbiKonwents;
import pl.konwent.adapters.web.ContractResource;
import pl.konwent.adapters.web.JsonConfig;
import pl.konwent.adapters.web.ProblemMapper;
import pl.konwent.adapters.web.RootResource;
import pl.konwent.adapters.web.http.BodyLimitFilter;
import pl.konwent.adapters.web.http.ConditionalGetFilter;
import pl.konwent.adapters.web.http.IdempotencyFilter;
import pl.konwent.adapters.web.http.IdempotencySecrets;
import pl.konwent.adapters.web.konwent.KonwentResource;
import pl.konwent.domain.council.CouncilService;
import pl.konwent.domain.council.ElectionService;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.shared.UnitOfWork;

/** Wires the rules, the database and the HTTP API into one Dropwizard server. */
public class KonwentApplication extends Application<KonwentConfiguration> {
    /** The configuration inside the jar, used when the command line names none. */
    public static final String DEFAULT_CONFIG = "konwent.yml";
    static final String MIGRATIONS = "db/changelog.xml";

    public static void main(String[] args) throws Exception {
        StartupPhases.mainStarted();
        new KonwentApplication().run(withDefaultConfig(args));
    }

    /** {@code server}, {@code db migrate} and friends work without a config file argument. */
    static String[] withDefaultConfig(String[] args) {
        if (args.length == 0) {
            return new String[] {"server", DEFAULT_CONFIG};
        }
        boolean namesConfig = Arrays.stream(args).anyMatch(arg -> arg.endsWith(".yml") || arg.endsWith(".yaml"));
        boolean asksForHelp = Arrays.stream(args).anyMatch(arg -> arg.equals("-h") || arg.equals("--help")
                || arg.equals("-v") || arg.equals("--version"));
        if (namesConfig || asksForHelp) {
            return args;
        }
        String[] completed = Arrays.copyOf(args, args.length + 1);
        completed[args.length] = DEFAULT_CONFIG;
        return completed;
    }

    @Override
    public String getName() {
        return "konwent";
    }

    @Override
    public void initialize(Bootstrap<KonwentConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                new FileOrClasspathSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(KonwentConfiguration configuration) {
                return configuration.getDatabase();
            }

            @Override
            public String getMigrationsFileName() {
                return MIGRATIONS;
            }
        });
    }

    @Override
    public void run(KonwentConfiguration configuration, Environment environment) throws Exception {
        StartupPhases phases = StartupPhases.inRun();
        // strict JSON for the API only: the configuration was read leniently, before this
        JsonConfig.configure(environment.getObjectMapper());
        Startup.requestLogAtThreshold(configuration.getServerFactory());
        Startup.quietRequestLog(environment);
        DataSourceFactory database = configuration.getDatabase();
        phases.end("liquibase", configuration.isMigrateOnStart()
                ? migrate(database, environment).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') : "off");
        Jdbi jdbi = DatabaseAccess.jdbi(environment, database, "database");
        phases.end("database");
        Clock clock = clock();
        JdbiUnitOfWork unitOfWork = new JdbiUnitOfWork(jdbi);
        ClusterReads clusterReads = ClusterReads.of(jdbi, database.getUrl());
        IdSource ids = new SecureIdSource();
        SecureRandom random = new SecureRandom();
        SecuritySettings security = configuration.getSecurity();
        ServerSecret secret = security.serverSecret(configuration.getDataDir());
        IdempotencySecrets idempotencySecrets = IdempotencySecrets.from(secret);
        JdbiIdempotencyStore idempotencyRecords = new JdbiIdempotencyStore(jdbi, idempotencySecrets, clusterReads);
        configuration.getIdempotency().manage(environment, idempotencyRecords, clock);
        // one instance for every use case that publishes (membership, meetings; voting, communiqués, documents)
        Events events = new JdbiEvents(jdbi, ids, clock);
        WebhookSettings webhookSettings = configuration.getWebhooks();
        webhookSettings.manage(environment, webhookSettings.dispatcher(new JdbiDeliveryQueue(jdbi, clock), clock));

        JdbiKonwents konwentStore = new JdbiKonwents(jdbi);
        JdbiAccounts accountStore = new JdbiAccounts(jdbi);
        JdbiRoleGrants grantStore = new JdbiRoleGrants(jdbi, clock);
        JdbiTokens tokenStore = new JdbiTokens(jdbi);
        PasswordHasher hasher = new VerifiedPasswords(new BcryptPasswordHasher(security.getBcryptCost()), random);
        KonwentService konwents = new KonwentService(konwentStore, unitOfWork, clock);
        JdbiMembers memberStore = new JdbiMembers(jdbi);
        AccountService accounts = new AccountService(accountStore, grantStore, tokenStore, konwentStore, memberStore,
                hasher, unitOfWork, ids, clock);
        // every throttle and rate limit counts in the database, for all instances together (issue 19)
        Attempts attempts = new JdbiAttempts(jdbi, secret.derive("throttle-keys", 32), clock);
        Authentication authentication = new Authentication(accountStore, grantStore, tokenStore, hasher,
                new LoginThrottle(attempts, clock, security.getLoginWindow().toJavaDuration(),
                        security.getFirstLoginDelay().toJavaDuration(), security.getMaxFailedLoginsPerUsername(),
                        security.getMaxFailedLoginsPerAddress()),
                ids, clock, security.getTokenLifetime().toJavaDuration());
        AuditService audit = new AuditService(new JdbiAuditTrail(jdbi), konwents, ids, clock);
        JdbiCouncilTerms termStore = new JdbiCouncilTerms(jdbi);
        CouncilService councils = new CouncilService(termStore, memberStore, konwents, unitOfWork, clock,
                configuration.getCouncilTermExpiryNoticeDays());
        SecretBallots secretBallots = new SecretBallots(new JdbiBallotSealer(jdbi,
                new KeyWrap(secret.derive("ballot-keys", 32), random), random), new JdbiSecretBallots(jdbi, ids),
                unitOfWork);
        JdbiFixedRules fixedRules = new JdbiFixedRules(jdbi);
        JdbiElections electionStore = new JdbiElections(jdbi, ids);
        ElectionService elections = new ElectionService(electionStore, secretBallots, termStore,
                memberStore, konwents, fixedRules,
                new JdbiLotSeeds(jdbi, new KeyWrap(secret.derive("lot-seeds", 32), random)), unitOfWork, ids, clock);
        JdbiOutbox outbox = new JdbiOutbox(jdbi, ids, clock);
        JdbiRegistrations registrationStore = new JdbiRegistrations(jdbi);
        JdbiCompetitions competitionStore = new JdbiCompetitions(jdbi);
        MembershipService membership = new MembershipService(new JdbiDeclarations(jdbi), memberStore,
                councils, konwents, events, unitOfWork, ids, clock,
                new Throttle(attempts, "declarations", clock, java.time.Duration.ofHours(1),
                        configuration.getMaxDeclarationsPerAddressPerHour()),
                new MembershipService.PeopleCopies(registrationStore, idempotencyRecords, outbox,
                        new JdbiOffices(jdbi), competitionStore));
        long maxFileSize = configuration.getDocuments().getMaxFileSize().toBytes();
        FilesystemFileStore fileStore = new FilesystemFileStore(java.nio.file.Path.of(configuration.getDataDir(),
                "files"));
        JdbiDocuments documentStore = new JdbiDocuments(jdbi);
        // D3: every document stored goes through the archive chain, whichever use case stores it
        ArchiveChainService archiveChain = new ArchiveChainService(new JdbiChainRecords(jdbi), documentStore,
                fileStore, konwents, unitOfWork, clock);
        archiveChain.startChains();
        DocumentService documents = new DocumentService(new ChainedDocuments(documentStore, archiveChain),
                fileStore, konwents, events, unitOfWork, ids, clock, maxFileSize);
        JdbiMeetings meetingStore = new JdbiMeetings(jdbi);
        JdbiVotes voteStore = new JdbiVotes(jdbi, ids);
        JdbiAuthorisations authorisationStore = new JdbiAuthorisations(jdbi);
        VotingService voting = new VotingService(voteStore, secretBallots, meetingStore, konwents, fixedRules,
                documents, events, unitOfWork, ids, clock, authorisationStore);
        AuthorisationService authorisations = new AuthorisationService(authorisationStore, accountStore, grantStore,
                memberStore, voteStore, meetingStore, konwents, documents, unitOfWork, ids, clock);
        Reminders reminders = new Reminders(voteStore, electionStore, new JdbiNonVoters(jdbi), memberStore, konwents,
                outbox, events, unitOfWork, clock);
        MailSettings mail = configuration.getMail();
        mail.manage(environment, mail.dispatcher(outbox, clock));
        MeetingService meetings = new MeetingService(meetingStore, memberStore, konwents, outbox, events, unitOfWork,
                ids, clock);
        RegistrationService registrations = new RegistrationService(registrationStore, meetingStore,
                meetings, memberStore, konwents, unitOfWork, clock);
        CompetitionService competitions = new CompetitionService(competitionStore, memberStore,
                accountStore, konwents, unitOfWork, ids, clock,
                new Throttle(attempts, "applications", clock, java.time.Duration.ofHours(1),
                        configuration.getMaxDeclarationsPerAddressPerHour()));
        WorkPlanService workPlans = new WorkPlanService(new JdbiWorkPlans(jdbi), voting, konwents, unitOfWork, clock);
        CommuniqueService communiques = new CommuniqueService(new JdbiCommuniques(jdbi), meetings, voting,
                new JdbiRecipients(jdbi), konwents, outbox, documents, unitOfWork, clock);
        MinutesService minutes = new MinutesService(meetings, registrationStore, voting, elections, konwents,
                documents, new PdfaMinutesRenderer(), clock);
        FeedService feeds = new FeedService(new JdbiFeedSources(jdbi), new JdbiKonwentLinks(jdbi), memberStore,
                konwents, unitOfWork, clock);
        WebhookService webhooks = new WebhookService(new JdbiWebhooks(jdbi, ids, clock),
                webhookSettings.addressPolicy(), konwents, unitOfWork, ids, clock);
        CalendarSettings calendarSettings = configuration.getCalendar();
        CalendarService calendar = new CalendarService(konwents, new CalendarService.Sources(termStore,
                competitionStore, workPlans, meetingStore, new JdbiCommuniques(jdbi)), new JdbiCalendarTasks(jdbi),
                new CalendarService.Announcing(new JdbiReminders(jdbi), new JdbiRecipients(jdbi), outbox, events),
                calendarSettings.rules(), unitOfWork, ids, clock);
        calendarSettings.manage(environment, calendar);
        String adminPassword = FirstAdmin.ensure(accounts, security.getInitialAdminPassword(), ids,
                java.nio.file.Path.of(configuration.getDataDir()));
        environment.lifecycle().addServerLifecycleListener(new Startup.ReadyLine(adminPassword));
        configuration.getCors().apply(environment);
        environment.getApplicationContext().insertHandler(new SecurityHeaders());

        ProblemErrorHandler jettyErrors = new ProblemErrorHandler();
        environment.getApplicationContext().setErrorHandler(jettyErrors);
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(jettyErrors));
        HeaderDeadline headerDeadline = new HeaderDeadline(configuration.getRequestHeaderTimeout().toJavaDuration());
        environment.lifecycle().addServerLifecycleListener(headerDeadline::applyTo);
        environment.jersey().property(ServerProperties.WADL_FEATURE_DISABLE, true);
        environment.jersey().register(new ProblemMapper());
        environment.jersey().register(new BodyLimitFilter(maxFileSize));
        environment.jersey().register(new CallerAuthentication(authentication, unitOfWork::onOneConnection,
                clusterReads::awaitWritesCommittedAnywhere));
        if (clusterReads.mayBeCluster()) {
            environment.jersey().register(new ClusterConsistentResources(clusterReads::onCluster,
                    clusterReads::awaitWritesCommittedAnywhere).binder());
        }
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(Caller.class));
        environment.jersey().register(new ConditionalGetFilter());
        environment.jersey().register(new IdempotencyFilter(idempotencyRecords, idempotencySecrets, clock,
                configuration.getIdempotency().retention()));
        AuditFilter auditFilter = new AuditFilter(audit);
        environment.jersey().register(auditFilter);
        environment.jersey().register(new RootResource());
        environment.jersey().register(new ContractResource());
        environment.jersey().register(new TokenResource(authentication));
        environment.jersey().register(new AccountResource(accounts));
        environment.jersey().register(new KonwentResource(konwents));
        environment.jersey().register(new AuditResource(audit));
        environment.jersey().register(new DeclarationResource(membership));
        environment.jersey().register(new MemberResource(membership));
        environment.jersey().register(new VoteResource(voting, reminders, auditFilter));
        environment.jersey().register(new AuthorisationResource(authorisations));
        environment.jersey().register(new CouncilResource(councils));
        environment.jersey().register(new ElectionResource(elections, reminders));
        environment.jersey().register(new MeetingResource(meetings));
        environment.jersey().register(new MeetingCalendarResource(meetings, calendar, clock));
        environment.jersey().register(new RegistrationResource(registrations));
        environment.jersey().register(new CommuniqueResource(communiques));
        environment.jersey().register(new CompetitionResource(competitions, clock));
        environment.jersey().register(new WorkPlanResource(workPlans));
        environment.jersey().register(new FeedResource(feeds, archiveChain));
        environment.jersey().register(new KonwentLinkResource(feeds));
        environment.jersey().register(new PortalResource(konwents, documents, meetings));
        environment.jersey().register(new WebhookResource(webhooks));
        environment.jersey().register(new DocumentResource(documents));
        environment.jersey().register(new MinutesResource(minutes));
        environment.jersey().register(new MeetingResultsResource(minutes));
        environment.jersey().register(new CalendarResource(calendar));
        environment.jersey().register(new ArchiveChainResource(archiveChain));
        phases.end("wiring");
        phases.listen(environment);
    }

    /** Where the server takes the time from; tests replace it to live through a konwent's year in minutes. */
    protected Clock clock() {
        return Clock.systemUTC();
    }

    private static Migrations.Outcome migrate(DataSourceFactory database, Environment environment) throws Exception {
        return Migrations.onStart(database.build(environment.metrics(), "migrations"), MIGRATIONS);
    }
}
