#include "core/importer.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "core/adapter.hpp"
#include "core/archive.hpp"
#include "core/background_sink.hpp"
#include "core/bulk_load.hpp"
#include "core/capture.hpp"
#include "core/entities.hpp"
#include "core/error.hpp"
#include "core/har.hpp"
#include "core/har_scrub.hpp"
#include "core/progress.hpp"
#include "core/progress_sink.hpp"
#include "core/schema.hpp"
#include "core/store.hpp"
#include "core/temp_files.hpp"
#include "core/unknown_values.hpp"
#include "core/version.hpp"

namespace jb {
namespace {

const Adapter& resolve_adapter(const ImportRequest& request) {
    if (request.inputs.empty()) throw Error("import: no input given");
    if (request.adapter != "auto") {
        for (const auto& input : request.inputs) probe_input(input);  // every input exists and is readable
        const Adapter* adapter = find_adapter(request.adapter);
        if (!adapter) throw Error("unknown adapter '" + request.adapter + "' (see `jbridge adapters`)");
        if (!adapter->info().reads) throw Error("adapter " + request.adapter + " cannot read");
        return *adapter;
    }
    const Adapter& first = identify_adapter(request.inputs.front());  // probes each input once
    for (std::size_t i = 1; i < request.inputs.size(); ++i) {
        const Adapter& other = identify_adapter(request.inputs[i]);
        if (&other != &first)
            throw Error(request.inputs[i] + ": is " + other.info().name + " input while " + request.inputs.front() +
                        " is " + first.info().name + "; import them in separate runs");
    }
    return first;
}

// The files an input stands for: itself, or every regular file inside a folder (sorted, recursively)
// for adapters that read folders; each is kept as a capture of its own.
std::vector<std::string> files_of_input(const std::string& input, const Adapter& adapter) {
    std::error_code ec;
    if (!std::filesystem::is_directory(input, ec)) return {input};
    if (!adapter.info().reads_folders)
        throw Error(input + ": is a folder; adapter " + adapter.info().name + " reads files only");
    std::vector<std::string> files;
    for (auto it = std::filesystem::recursive_directory_iterator(input, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) files.push_back(it->path().string());
    if (ec) throw Error(input + ": cannot list the folder: " + ec.message());
    std::sort(files.begin(), files.end());
    return files;
}

// The raw input as the archive keeps it: a HAR with its secrets scrubbed (principle 9: tokens and
// cookies never rest in an archive), anything else byte for byte; compressed into a temporary
// file. Needs no database, so it runs on its own thread while the adapter reads. The run's
// provenance still records the input's own checksum and size.
struct PreparedInput {
    std::string file;
    std::unique_ptr<TempFileGuard> compressed_file;
    CompressedCapture compressed;
    std::optional<StoredCapture> original;  // a HAR's own checksum and size (the kept copy differs)
    std::int64_t scrubbed = 0;
};

std::string temp_path(const std::string& suffix) {
    static std::atomic<int> count{0};
    return (std::filesystem::temp_directory_path() /
            ("jbridge-" + std::to_string(::getpid()) + "-" + std::to_string(++count) + suffix))
        .string();
}

PreparedInput prepare_input(const std::string& file) {
    PreparedInput prepared;
    prepared.file = file;
    prepared.compressed_file = std::make_unique<TempFileGuard>(temp_path(".zst"));
    const std::string& compressed_path = prepared.compressed_file->path();
    if (!har::looks_like_har(probe_input(file).head)) {
        prepared.compressed = compress_capture(file, compressed_path);
        return prepared;
    }
    TempFileGuard copy(temp_path("-scrubbed.har"));
    prepared.scrubbed = static_cast<std::int64_t>(har::scrub_har_file(file, copy.path()));
    prepared.compressed = compress_capture(copy.path(), compressed_path);
    prepared.original = hash_file(file);
    return prepared;
}

StoredCapture keep_capture(sql::Db& db, const PreparedInput& prepared) {
    StoredCapture kept =
        store_compressed(db, prepared.compressed, std::filesystem::path(prepared.file).filename().string());
    if (prepared.original) {
        kept.sha256 = prepared.original->sha256;
        kept.size = prepared.original->size;
    }
    return kept;
}

std::int64_t total_rows(sql::Db& db) {
    std::int64_t total = 0;
    for (const TableSpec* spec : all_tables()) total += db.scalar("SELECT count(*) FROM \"" + std::string(spec->table) + "\"");
    return total;
}

// Deferred foreign keys fail at COMMIT without saying which record; name the first offenders.
void check_references(sql::Db& db, const std::string& inputs) {
    sql::Stmt check(db, "PRAGMA foreign_key_check");
    std::string problems;
    int count = 0;
    while (check.step()) {
        if (++count > 5) continue;
        std::string table = check.column_text(0);
        std::string parent = check.column_text(2);
        std::int64_t fk = check.column_int(3);
        std::string column = "?";
        sql::Stmt list(db, "SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE id = ?");
        list.bind(1, std::string_view(table)).bind(2, fk);
        if (list.step()) column = list.column_text(0);
        problems += "\n  " + table + " " + id_to_hex(check.column_int(1)) + ": " + column + " refers to a " + parent +
                    " that the input does not contain";
    }
    if (count > 0)
        throw Error(inputs + ": " + std::to_string(count) + " record(s) refer to missing entities:" + problems +
                    (count > 5 ? "\n  …" : ""));
}

}  // namespace

std::string utc_now() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

ImportReport run_import(const ImportRequest& request) {
    const Adapter& adapter = resolve_adapter(request);
    ImportReport report;
    report.adapter = adapter.info().name;
    std::string started = utc_now();

    Archive archive = file_exists(request.archive) ? Archive::open_write(request.archive) : Archive::create(request.archive);
    report.created = archive.is_new();
    sql::Db& db = archive.db();
    // References are checked once, over everything, by check_references() before the commit;
    // checking each insert as well would double the lookups of a large import.
    db.exec("PRAGMA foreign_keys = OFF");
    sql::Transaction transaction(db);
    migrate(db);
    std::optional<DeferredIndexes> deferred_indexes;
    if (archive.is_new()) deferred_indexes.emplace(db);
    std::int64_t rows_before = total_rows(db);

    Store store(db);
    if (archive.is_new()) store.stage_in_temporary_tables();
    Progress progress("importing", request.show_progress);
    BackgroundSink writer(store);
    ProgressSink sink(writer, progress);
    UnknownValues unknowns;
    ReadContext context{request.school_year, &unknowns, request.inputs};
    std::string all_inputs;
    std::vector<std::string> files;
    for (const auto& input : request.inputs) {
        all_inputs += (all_inputs.empty() ? "" : ", ") + input;
        for (const auto& file : files_of_input(input, adapter)) files.push_back(file);
    }
    auto prepared_inputs = std::async(std::launch::async, [&files] {
        std::vector<PreparedInput> prepared;
        for (const auto& file : files) prepared.push_back(prepare_input(file));
        return prepared;
    });
    adapter.read_all(request.inputs, context, sink);
    writer.finish();
    progress.finish();
    Progress merging("writing the archive in id order", request.show_progress, "tables");
    store.merge_staged([&](std::int64_t done, std::int64_t total) { merging.tick(done, total); });
    merging.finish();
    std::vector<std::pair<std::string, StoredCapture>> captures;  // path of each file kept
    for (const PreparedInput& prepared : prepared_inputs.get()) {
        report.scrubbed_secrets += prepared.scrubbed;
        captures.emplace_back(prepared.file, keep_capture(db, prepared));
    }
    if (store.records() == 0)
        throw Error(all_inputs + ": the " + adapter.info().name +
                    " adapter found no journal data in it (is it the right capture, and the right adapter?)");
    check_references(db, all_inputs);
    if (deferred_indexes) deferred_indexes->rebuild();

    report.records = store.records();
    report.inserted = total_rows(db) - rows_before;
    report.updated = store.written() - report.inserted;
    report.unchanged = report.records - store.written();
    report.per_table = store.per_table();
    report.unknown_values = unknowns.report();

    sql::Stmt run(db, "INSERT INTO import_run(adapter, adapter_version, jbridge_version, started_at, finished_at, "
                      "school_year, records, inserted, updated, unchanged, counts) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    run.bind(1, std::string_view(adapter.info().name))
        .bind(2, std::string_view(adapter.info().version))
        .bind(3, std::string_view(kJbridgeVersion))
        .bind(4, std::string_view(started))
        .bind(5, std::string_view(utc_now()));
    if (request.school_year) run.bind(6, std::int64_t{*request.school_year});
    run.bind(7, report.records).bind(8, report.inserted).bind(9, report.updated).bind(10, report.unchanged);
    run.bind(11, std::string_view(nlohmann::json(report.per_table).dump())).run();
    std::int64_t run_id = db.scalar("SELECT last_insert_rowid()");
    sql::Stmt input_row(db, "INSERT INTO run_input(run_id, position, path, sha256, size, capture_id) VALUES(?,?,?,?,?,?)");
    for (std::size_t i = 0; i < captures.size(); ++i) {
        const auto& [path, capture] = captures[i];
        input_row.bind(1, run_id).bind(2, static_cast<std::int64_t>(i)).bind(3, std::string_view(path));
        input_row.bind(4, std::string_view(capture.sha256)).bind(5, capture.size).bind(6, capture.id).run();
    }
    transaction.commit();
    db.exec("PRAGMA foreign_keys = ON");
    archive.publish();
    return report;
}

}  // namespace jb
