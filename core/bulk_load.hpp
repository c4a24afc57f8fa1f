#pragma once
#include <string>
#include <utility>
#include <vector>

namespace jb {
namespace sql {
class Db;
}

// A new archive's secondary indexes, dropped for its first load and built again at the end: one
// sorted build is several times cheaper than a million random index inserts. The caller holds
// the transaction; rebuild() must run before it commits (the destructor does not, so a failed
// load leaves nothing half-indexed behind: the new archive is discarded anyway).
class DeferredIndexes {
public:
    explicit DeferredIndexes(sql::Db& db);
    void rebuild();

private:
    sql::Db& db_;
    std::vector<std::pair<std::string, std::string>> indexes_;  // name, CREATE INDEX statement
};

}  // namespace jb
