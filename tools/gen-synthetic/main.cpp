// gen-synthetic: writes an invented Russian school (people, timetable, lessons, marks, absences)
// as a jbridge archive and/or a native bundle. Deterministic: the same options give the same bytes.
#include <csignal>
#include <cstdio>
#include <exception>
#include <string>
#include <CLI/CLI.hpp>

#include "adapters/native/native_format.hpp"
#include "core/archive.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/schema.hpp"
#include "core/sqlite.hpp"
#include "core/store.hpp"
#include "core/progress_sink.hpp"
#include "tools/gen-synthetic/school_generator.hpp"
#include "tools/gen-synthetic/subjects.hpp"
#include "tools/dnevnik-sim/sim_har.hpp"

namespace {

struct Outputs {
    std::string native;
    std::string archive;
    std::string dnevnik_har;
    int lessons_per_day = 6;
    bool force = false;
    bool quiet = false;
};

// The same scale of school in the shapes of the Dnevnik.ru v2 API, as the HAR of a full export
// (the data set dnevnik-sim serves with the same options).
void write_dnevnik_har(const jb::synth::Options& options, const Outputs& out) {
    if (options.schools != 1) throw jb::Error("--dnevnik-har writes one school; leave --schools at 1");
    if (options.students < 5) throw jb::Error("--dnevnik-har needs --students 5 or more");
    jb::dnevnik_sim::SimScale scale{options.classes, options.students, options.subjects, out.lessons_per_day};
    jb::Progress progress("generating the HAR", !out.quiet && jb::stderr_is_terminal(), "classes");
    auto counts = jb::dnevnik_sim::write_whole_year_har(options.start_year, options.seed, options.quarters, scale,
                                                        out.dnevnik_har, [&](int done, int classes) {
                                                            progress.tick(done, classes);
                                                        });
    progress.finish();
    if (!out.quiet)
        std::printf("wrote %s: %lld entries, %lld bytes (%lld lessons, %lld marks)\n", out.dnevnik_har.c_str(),
                    static_cast<long long>(counts.entries), static_cast<long long>(counts.bytes),
                    static_cast<long long>(counts.lessons), static_cast<long long>(counts.marks));
}

int run(const jb::synth::Options& options, const Outputs& out) {
    if (!out.dnevnik_har.empty()) write_dnevnik_har(options, out);
    if (out.native.empty() && out.archive.empty()) return 0;
    if (options.classes > jb::synth::kMaxClasses)
        throw jb::Error("--classes " + std::to_string(options.classes) + ": the native bundle and the archive take at most " +
                        std::to_string(jb::synth::kMaxClasses) + " classes per school (more only with --dnevnik-har alone)");
    if (!out.archive.empty() && jb::file_exists(out.archive) && !out.force)
        throw jb::Error(out.archive + ": exists already (use --force to replace it)");
    // The records always go through an archive: for a bundle alone it is a temporary file beside
    // the bundle, which ~Archive removes since it is never published.
    const std::string archive_path = out.archive.empty() ? out.native + ".gen.sqlite" : out.archive;
    jb::Archive archive = jb::Archive::create(archive_path);
    std::int64_t records = 0, marks = 0, lessons = 0;
    {
        jb::sql::Transaction transaction(archive.db());
        jb::migrate(archive.db());
        jb::Store store(archive.db());
        jb::Progress progress("generating", !out.quiet && jb::stderr_is_terminal());
        jb::ProgressSink sink(store, progress);
        jb::synth::generate(options, sink);
        progress.finish();
        records = sink.records();
        const auto& counts = store.per_table();
        if (auto it = counts.find("mark"); it != counts.end()) marks = it->second;
        if (auto it = counts.find("lesson"); it != counts.end()) lessons = it->second;
        transaction.commit();
    }
    if (!out.native.empty()) {
        jb::AtomicFile file(out.native);
        jb::native::write_bundle(archive.db(), file.stream(), nullptr);
        file.commit();
    }
    if (!out.archive.empty()) archive.publish();
    if (!out.quiet) {
        std::string targets = out.native;
        if (!out.archive.empty()) targets += (targets.empty() ? "" : " and ") + out.archive;
        std::printf("wrote %s: %lld records (%lld lessons, %lld marks)\n", targets.c_str(),
                    static_cast<long long>(records), static_cast<long long>(lessons), static_cast<long long>(marks));
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGXFSZ, SIG_IGN);
    jb::synth::Options options;
    Outputs out;
    CLI::App app{"gen-synthetic: writes an invented Russian school (people, timetable, lessons, marks, absences) as a "
                 "jbridge archive and/or native bundle. The same options always give the same output."};
    app.add_option("--seed", options.seed, "Random seed")->capture_default_str();
    app.add_option("--schools", options.schools, "Number of schools")->capture_default_str()->check(CLI::Range(1, 1000));
    app.add_option("--classes", options.classes, "Classes per school (at most " + std::to_string(jb::synth::kMaxClasses) +
                   "; up to " + std::to_string(jb::dnevnik_sim::kMaxSimClasses) + " with --dnevnik-har alone)")
        ->capture_default_str()
        ->check(CLI::Range(1, jb::dnevnik_sim::kMaxSimClasses));
    app.add_option("--students", options.students, "Pupils per class (one class per school gets one more, who joins late)")
        ->capture_default_str()
        ->check(CLI::Range(1, 40));
    app.add_option("--subjects", options.subjects, "Subjects, the first N of: Русский язык, Литература, Математика, "
                   "История, Английский язык, Физическая культура, Биология, География, Физика, Информатика, Химия, Музыка")
        ->capture_default_str()
        ->check(CLI::Range(1, static_cast<int>(jb::synth::subject_catalogue().size())));
    app.add_option("--quarters", options.quarters, "Quarters with lessons and marks")->capture_default_str()->check(CLI::Range(1, 4));
    app.add_option("--start-year", options.start_year, "Calendar year in which the school year starts (1 September)")
        ->capture_default_str()
        ->check(CLI::Range(2000, 2100));
    app.add_option("--native", out.native, "Write a native bundle (JSON Lines) here");
    app.add_option("-o,--output", out.archive, "Write a jbridge archive here");
    app.add_option("--dnevnik-har", out.dnevnik_har,
                   "Write the school in Dnevnik.ru API shapes as the HAR of a full export here (the data set dnevnik-sim "
                   "serves; its own invented people, not those of --native)");
    app.add_option("--lessons-per-day", out.lessons_per_day, "Lessons per class and day in the --dnevnik-har school")
        ->capture_default_str()
        ->check(CLI::Range(1, 8));
    app.add_flag("--force", out.force, "Replace an existing archive");
    app.add_flag("-q,--quiet", out.quiet, "Print nothing but errors");
    app.footer("Examples:\n  gen-synthetic --seed 7 --classes 4 --quarters 2 --native school.jsonl -o school.sqlite\n"
               "  gen-synthetic --classes 70 --students 30 --subjects 12 --quarters 4 --dnevnik-har region-1m.har\n"
               "Exit codes: 0 done; 2 bad usage or a failed run.");
    try {
        app.parse(argc, argv);
        if (out.native.empty() && out.archive.empty() && out.dnevnik_har.empty())
            throw CLI::RequiredError("at least one output: --native PATH, -o ARCHIVE and/or --dnevnik-har PATH");
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    try {
        return run(options, out);
    } catch (const jb::Error& e) {
        std::fprintf(stderr, "gen-synthetic: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gen-synthetic: internal error: %s\n", e.what());
        return 2;
    }
}
