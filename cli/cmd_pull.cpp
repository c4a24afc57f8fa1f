#include "cli/cmd_pull.hpp"

#include <cstdio>
#include <memory>
#include <CLI/CLI.hpp>

#include "core/net/pull_run.hpp"
#include "core/net/secrets.hpp"
#include "core/progress.hpp"

namespace jb::cli {
namespace {

struct PullArguments {
    net::PullRequest request;
    std::string host, scheme = "https", token_env = "JBRIDGE_TOKEN", token_file,
                password_env = "JBRIDGE_PASSWORD", password_file;
    int max_attempts = 8, backoff_ms = 500, year = 0;
    long timeout = 180;
    bool quiet = false;
    bool rate_given = false;
};

std::vector<std::string> puller_names() {
    std::vector<std::string> names;
    for (const net::Puller* puller : net::registered_pullers()) names.emplace_back(puller->name());
    return names;
}

int run(PullArguments& args) {
    net::PullRequest& request = args.request;
    request.target.base_url = net::base_url_of(args.host, args.scheme);
    request.target.year = args.year;
    const net::Puller* puller = net::find_puller(request.adapter);
    std::string secret_name = puller ? std::string(puller->secret_name()) : "access token";
    request.target.secret = request.target.login.empty()
                                ? net::load_secret(args.token_file, args.token_env, secret_name)
                                : net::load_secret(args.password_file, args.password_env, "password of " + request.target.login);
    if (puller && !args.rate_given) request.session.rate = puller->default_rate();
    request.session.retry.max_attempts = args.max_attempts;
    request.session.retry.initial_delay = std::chrono::milliseconds(args.backoff_ms);
    request.session.client.timeout_seconds = args.timeout;
    request.session.show_progress = !args.quiet && stderr_is_terminal();

    net::PullReport report = net::run_pull(request);
    if (!args.quiet) {
        std::printf("pulled %lld exchanges from %s (%lld requests sent, %lld retried, %lld taken from an interrupted run)\n",
                    static_cast<long long>(report.entries), request.target.base_url.c_str(),
                    static_cast<long long>(report.sent), static_cast<long long>(report.retried),
                    static_cast<long long>(report.replayed));
        if (!request.har_path.empty()) std::printf("capture (secrets scrubbed): %s\n", report.har.c_str());
        if (request.capture_only)
            std::printf("import it with: jbridge import --from %s %s -o ARCHIVE --school-year %d\n", request.adapter.c_str(),
                        report.har.c_str(), request.target.year);
        if (report.import)
            std::printf("%s %s: %lld records via %s: %lld new, %lld changed, %lld unchanged\n",
                        report.import->created ? "created" : "updated", request.archive.c_str(),
                        static_cast<long long>(report.import->records), report.import->adapter.c_str(),
                        static_cast<long long>(report.import->inserted), static_cast<long long>(report.import->updated),
                        static_cast<long long>(report.import->unchanged));
    }
    if (report.import && !report.import->unknown_values.empty())
        std::fprintf(stderr, "jbridge: warning: values no mapping file knows:\n%s", report.import->unknown_values.c_str());
    return 0;
}

}  // namespace

void add_pull_command(CLI::App& app, Action& action) {
    auto args = std::make_shared<PullArguments>();
    net::PullRequest& request = args->request;
    auto* cmd = app.add_subcommand("pull", "Download a school's journal from a platform's API into an archive");
    cmd->add_option("--from", request.adapter, "Platform adapter that pulls and then imports the capture")
        ->required()
        ->check(CLI::IsMember(puller_names()));
    cmd->add_option("--host", args->host,
                    "API host (api.school.mosreg.ru, api.dnevnik.ru, …) or a base URL such as http://127.0.0.1:8080")
        ->required();
    cmd->add_option("--scheme", args->scheme, "http or https, when --host is a bare host name")
        ->capture_default_str()
        ->check(CLI::IsMember({"http", "https"}));
    cmd->add_option("--school", request.target.school, "The platform's school id (where the platform has one)");
    cmd->add_option("--login", request.target.login,
                    "Sign in as this account with a password (--password-env/--password-file) instead of a token");
    cmd->add_option("--password-env", args->password_env, "With --login: environment variable that holds the password")
        ->capture_default_str();
    cmd->add_option("--password-file", args->password_file,
                    "With --login: file that holds the password; only its owner may read it (chmod 600)");
    cmd->add_option("--year", args->year, "Calendar year in which the school year starts")
        ->required()
        ->check(CLI::Range(2000, 2100));
    cmd->add_option("-o,--output", request.archive, "Archive to create or add to");
    cmd->add_option("--window", request.target.window, "Size of the date windows the journal is fetched in")
        ->capture_default_str()
        ->check(CLI::IsMember({"week", "month"}));
    cmd->add_option("--token-env", args->token_env, "Environment variable that holds the access token (Dnevnik) or the session cookie pasted from a browser (edutatar DNSID, bars sessionid)")->capture_default_str();
    cmd->add_option("--token-file", args->token_file,
                    "File that holds the token or pasted session cookie; only its owner may read it (chmod 600)");
    cmd->add_option("--concurrency", request.session.concurrency, "Requests in flight at once")
        ->capture_default_str()
        ->check(CLI::Range(1, 16));
    auto* rate = cmd->add_option("--rate", request.session.rate,
                                 "At most this many requests per second (0: no limit; default: the platform's, 4 or less)")
        ->check(CLI::Range(0.0, 1000.0));
    cmd->add_option("--max-attempts", args->max_attempts, "Tries per request before giving up")
        ->capture_default_str()
        ->check(CLI::Range(1, 100));
    cmd->add_option("--backoff-ms", args->backoff_ms, "Wait before the first retry; it doubles, with jitter, each time")
        ->capture_default_str()
        ->check(CLI::Range(0, 600000));
    cmd->add_option("--timeout", args->timeout, "Seconds one request may take")->capture_default_str()->check(CLI::Range(1, 3600));
    cmd->add_option("--har", request.har_path, "Keep the raw capture (secrets scrubbed) as this HAR file");
    cmd->add_flag("--capture-only", request.capture_only, "Write the --har capture and stop (import it later)");
    cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but errors");
    cmd->footer(
        "Example:\n"
        "  export JBRIDGE_TOKEN=…   # or: --token-file ~/.config/jbridge/token (chmod 600)\n"
        "  jbridge pull --from dnevnik --host api.school.mosreg.ru --school 1000000000123 --year 2022 -o school.sqlite\n"
        "  JBRIDGE_PASSWORD=… jbridge pull --from edutatar --host edu.tatar.ru --login 1000000077 --year 2022 -o pupil.sqlite\n"
        "  JBRIDGE_PASSWORD=… jbridge pull --from netschool --host asurso.ru --school 107 --login ivanova --year 2024 -o pupil.sqlite\n"
        "  JBRIDGE_PASSWORD=… jbridge pull --from bars --host school.07.edu.o7.com --login NAME --year 2023 -o family.sqlite\n"
        "  JBRIDGE_TOKEN=SESSIONID jbridge pull --from bars --host school.07.edu.o7.com --year 2023 -o family.sqlite\n"
        "The token and password are never taken from the command line. A pull that is interrupted keeps its finished\n"
        "requests in ARCHIVE.pull-journal; running the same command again continues from there.\n"
        "See docs/pull.md.");
    cmd->callback([&action, args, rate] {
        args->rate_given = rate->count() > 0;
        action = [args] { return run(*args); };
    });
}

}  // namespace jb::cli
