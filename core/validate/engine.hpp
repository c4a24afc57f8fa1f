#pragma once
#include <optional>
#include <string>

#include "core/validate/finding.hpp"

namespace jb::sql {
class Db;
}

namespace jb::validate {

struct Profile;

struct ValidateOptions {
    // The day the journal is judged on (YYYY-MM-DD): lessons before it are past, periods ended
    // before it are closed. Default: the day of the archive's latest import, else today.
    std::optional<std::string> as_of;
};

// Runs the profile's enabled rules over an archive. A rule whose data the archive lacks is listed
// in not_applicable and produces no findings.
ValidationResult run_validation(sql::Db& db, const Profile& profile, const ValidateOptions& options = {});

}  // namespace jb::validate
