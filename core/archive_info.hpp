#pragma once
#include <nlohmann/json_fwd.hpp>

namespace jb {
namespace sql {
class Db;
}

// What an archive holds, for `jbridge info`: schema version, schools with their years and periods,
// import runs with their inputs, and the stored raw captures.
nlohmann::json archive_info(sql::Db& db);

}  // namespace jb
