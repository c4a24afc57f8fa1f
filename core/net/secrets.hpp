#pragma once
#include <string>

namespace jb::net {

// A secret (access token, session cookie, password) for an online pull. It comes from a file that
// only its owner can read (mode 0600 or stricter: anything readable or writable by group or others
// is refused), or else from the environment variable `env_name`; never from the command line,
// where `ps` and shell histories would show it. Surrounding white space and a final newline are
// dropped. `what` names the secret in messages ("access token").
std::string load_secret(const std::string& file_path, const std::string& env_name, const std::string& what);

}  // namespace jb::net
