#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/importer.hpp"
#include "core/net/puller.hpp"
#include "core/net/session.hpp"

namespace jb::net {

struct PullRequest {
    std::string adapter;       // a registered puller (and the adapter that imports its capture)
    PullTarget target;
    std::string archive;       // empty with capture_only
    std::string har_path;      // where to keep the capture; empty: a temporary file beside the archive
    bool capture_only = false; // write the HAR and stop
    SessionOptions session;
};

struct PullReport {
    std::string har;         // the capture written (removed again unless har_path was given)
    std::string journal;
    std::int64_t entries = 0, sent = 0, retried = 0, replayed = 0;
    std::optional<ImportReport> import;
};

// Pulls through the adapter's puller into a journal beside the output (resuming an interrupted
// pull of the same target), writes the scrubbed HAR, then imports it with run_import exactly as
// an offline import would. The journal is removed once the import has succeeded (with
// capture_only: once the HAR is written).
PullReport run_pull(const PullRequest& request);

std::string journal_path_for(const PullRequest& request);

}  // namespace jb::net
