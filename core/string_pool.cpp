#include "core/string_pool.hpp"

#include <limits>

#include "core/error.hpp"

namespace jb {

StringPool::Token StringPool::intern(std::string_view text) {
    if (text.empty()) return 0;
    if (auto found = tokens_.find(text); found != tokens_.end()) return found->second;
    if (texts_.size() >= std::numeric_limits<Token>::max()) throw Error("too many distinct values to keep");
    auto token = static_cast<Token>(texts_.size());
    const std::string& kept = texts_.emplace_back(text);
    tokens_.emplace(kept, token);
    return token;
}

}  // namespace jb
