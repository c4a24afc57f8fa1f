#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace jb {
namespace sql {
class Db;
}

// The counts of `jbridge stats`, in the contract's order (docs/contract.md).
std::vector<std::pair<std::string, std::int64_t>> compute_stats(sql::Db& db);

}  // namespace jb
