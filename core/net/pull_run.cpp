#include "core/net/pull_run.hpp"

#include <filesystem>
#include <unordered_set>

#include "core/error.hpp"
#include "core/net/har_writer.hpp"
#include "core/net/journal.hpp"

namespace jb::net {

std::string journal_path_for(const PullRequest& request) {
    return (request.capture_only || request.archive.empty() ? request.har_path : request.archive) + ".pull-journal";
}

PullReport run_pull(const PullRequest& request) {
    const Puller* puller = find_puller(request.adapter);
    if (!puller) {
        std::string known;
        for (const Puller* each : registered_pullers()) known += (known.empty() ? "" : ", ") + std::string(each->name());
        throw Error("adapter '" + request.adapter + "' cannot pull online (pullers: " + (known.empty() ? "none" : known) + ")");
    }
    if (request.capture_only && request.har_path.empty()) throw Error("pull: --capture-only needs --har PATH");
    if (!request.capture_only && request.archive.empty()) throw Error("pull: no archive given (-o ARCHIVE)");
    if (request.target.year < 2000 || request.target.year > 2100) throw Error("pull: --year must be a year such as 2023");

    PullReport report;
    report.journal = journal_path_for(request);
    report.har = request.har_path.empty() ? request.archive + ".pull.har" : request.har_path;
    std::string identity = request.adapter + " " + request.target.base_url + " school " + request.target.school + " year " +
                           std::to_string(request.target.year) + " window " + request.target.window +
                           (request.target.login.empty() ? "" : " login " + request.target.login);
    Journal journal(report.journal, identity);
    {
        Session session(request.session, journal);
        try {
            puller->pull(request.target, session);
        } catch (...) {
            // Refused before anything was fetched (a wrong password, a server without password
            // login): an empty journal would only tie the next run to this one's host and options.
            if (journal.size() == 0) journal.remove();
            throw;
        }
        report.sent = session.sent();
        report.retried = session.retried();
        report.replayed = session.replayed();

        HarWriter har(report.har);
        std::unordered_set<std::string> written;
        for (const std::string& key : session.capture_order()) {
            if (!written.insert(key).second) continue;
            std::optional<std::string> line = journal.find(key);
            if (!line) throw Error(journal.path() + ": an exchange the pull made is missing from its journal");
            har.add(*line);
            ++report.entries;
        }
        har.commit();
    }
    // Until the import has succeeded, a kill (or a failed import) can be rerun from the journal
    // without asking the platform again.
    if (request.capture_only) {
        journal.remove();
        return report;
    }

    ImportRequest import;
    import.adapter = request.adapter;
    import.inputs = {report.har};
    import.archive = request.archive;
    import.school_year = request.target.year;
    import.show_progress = request.session.show_progress;
    try {
        report.import = run_import(import);
    } catch (const Error& e) {
        throw Error(std::string(e.what()) + "\nThe download itself is complete: its capture is kept in " + report.har +
                    " (running the same pull again replays it from " + journal.path() +
                    " without asking the platform); once the problem is fixed, import it with `jbridge import --from " + request.adapter + " " +
                    report.har + " -o " + request.archive + " --school-year " + std::to_string(request.target.year) + "`");
    }
    journal.remove();
    if (request.har_path.empty()) std::filesystem::remove(report.har);
    return report;
}

}  // namespace jb::net
