#pragma once
#include <string>
#include <string_view>

#include "tools/dnevnik-sim/sim_api.hpp"

namespace jb::dnevnik_sim {

// Appends the HAR entry line of a GET of `target` (/v2/… with its query) answered by `answer`:
// byte for byte what net::har_entry_line writes for the export's request (the access token
// scrubbed), without its JSON round trips. Neither the targets nor the answers hold a secret, and
// the answers are valid UTF-8, so nothing else is scrubbed and no body is base64-encoded.
void append_har_entry(std::string& line, std::string_view target, const Answer& answer, std::string_view started);

}  // namespace jb::dnevnik_sim
