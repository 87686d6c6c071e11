package io.strongroom.projection;

import static io.strongroom.projection.Commands.ACCOUNT;
import static io.strongroom.projection.ProjectionFixture.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.query.ListQuery;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.query.SecretFilter;
import io.strongroom.core.query.SecretPage;
import io.strongroom.core.query.SortOrder;
import io.strongroom.core.secret.SecretState;
import io.strongroom.projection.client.RemoteReadModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** ListSecrets in the projection: CreatedDate order, filters applied while scanning, pages that never skip a match. */
class FilteredListingTest {
    @RegisterExtension
    static final BrokerPerClass broker = new BrokerPerClass();

    @TempDir
    Path tmp;
    @RegisterExtension
    final ProjectionFixture fixture = broker.freshTopics();
    private ReadModel local;
    private ReadModel remote;

    @BeforeEach
    void secretsCreatedInterleaved() {
        ProjectionService projection = ProjectionFixture.serving(
                fixture.start(fixture.config(tmp.resolve("p")).withHttp("127.0.0.1", 0)));
        local = projection.readModel();
        remote = new RemoteReadModel(URI.create("http://127.0.0.1:" + projection.httpPort()));
        for (String name : List.of("zeta-app", "app-1", "other-1", "app-2", "app-3", "other-2", "app-4", "app-5")) {
            applied(fixture.log.run(Commands.create(name)));
        }
        applied(fixture.log.run(Commands.scheduleDeletion("app-3")));
    }

    @Test
    void pagesAreInCreatedDateOrderNotNameOrder() {
        assertThat(names(local, query(100, List.of(), false, SortOrder.ASC)))
                .containsExactly("zeta-app", "app-1", "other-1", "app-2", "other-2", "app-4", "app-5");
        assertThat(names(local, query(100, List.of(), false, SortOrder.DESC)))
                .containsExactly("app-5", "app-4", "other-2", "app-2", "other-1", "app-1", "zeta-app");
    }

    @Test
    void filteredPagesFollowTheTokenWithoutSkippingAMatch() {
        List<SecretFilter> apps = List.of(new SecretFilter("name", List.of("app-")));
        List<List<String>> pages = pages(local, 2, apps, false, SortOrder.ASC);
        assertThat(pages).containsExactly(List.of("app-1", "app-2"), List.of("app-4", "app-5"));
        assertThat(pages(local, 2, apps, true, SortOrder.DESC))
                .containsExactly(List.of("app-5", "app-4"), List.of("app-3", "app-2"), List.of("app-1"));
    }

    @Test
    void secretsScheduledForDeletionAreListedOnlyWhenAsked() {
        assertThat(names(local, query(100, List.of(), false, SortOrder.ASC))).doesNotContain("app-3");
        assertThat(names(local, query(100, List.of(), true, SortOrder.ASC))).contains("app-3");
    }

    @Test
    void theInternalApiAnswersTheSamePages() {
        List<SecretFilter> notApps = List.of(new SecretFilter("name", List.of("!app-")));
        assertThat(pages(remote, 1, notApps, false, SortOrder.DESC)).isEqualTo(pages(local, 1, notApps, false,
                SortOrder.DESC));
        assertThat(pages(remote, 1, notApps, false, SortOrder.DESC)).flatMap(page -> page)
                .containsExactly("other-2", "other-1", "zeta-app");
    }

    private static List<List<String>> pages(ReadModel model, int size, List<SecretFilter> filters, boolean planned,
            SortOrder order) {
        List<List<String>> pages = new ArrayList<>();
        String token = null;
        do {
            SecretPage page = get(model.listSecrets(new ListQuery(ACCOUNT, size, token, filters, planned, order)));
            pages.add(page.secrets().stream().map(SecretState::name).toList());
            token = page.nextToken();
        } while (token != null && pages.size() < 20);
        return pages;
    }

    private static List<String> names(ReadModel model, ListQuery query) {
        return get(model.listSecrets(query)).secrets().stream().map(SecretState::name).toList();
    }

    private static ListQuery query(int size, List<SecretFilter> filters, boolean planned, SortOrder order) {
        return new ListQuery(ACCOUNT, size, null, filters, planned, order);
    }

    private void applied(io.strongroom.core.event.Outcome outcome) {
        get(local.awaitOutcome(outcome.commandId(), Duration.ofSeconds(15)));
    }
}
