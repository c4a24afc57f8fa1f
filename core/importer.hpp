#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jb {

struct ImportRequest {
    std::string adapter;  // a registered name, or "auto"
    std::vector<std::string> inputs;
    std::string archive;
    std::optional<int> school_year;
    bool show_progress = false;
};

struct ImportReport {
    std::string adapter;
    bool created = false;
    std::int64_t records = 0, inserted = 0, updated = 0, unchanged = 0;
    std::int64_t scrubbed_secrets = 0;  // values replaced in the kept raw captures
    std::map<std::string, std::int64_t> per_table;  // records read, by table
    std::string unknown_values;                     // UnknownValues::report(): kept verbatim, unmapped
};

// Reads every input into the archive in one transaction: a new archive appears only when complete;
// an existing one is unchanged unless the whole import succeeds. The raw inputs are kept as
// captures and the run is recorded with its provenance.
ImportReport run_import(const ImportRequest& request);

std::string utc_now();  // ISO 8601, seconds, "Z"

}  // namespace jb
