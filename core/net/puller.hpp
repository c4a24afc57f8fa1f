#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace jb::net {

class Session;

// What to pull; the meaning of `school` and `year` is the platform's, `secret` comes from
// load_secret().
struct PullTarget {
    std::string base_url;  // scheme://host[:port][/prefix], no trailing slash
    std::string school;
    int year = 0;            // calendar year in which the school year starts
    std::string window = "month";  // "week" or "month": size of the date windows
    std::string secret;      // with `login`: that account's password
    std::string login;       // account name for platforms that sign in with a password
};

// The online half of an adapter: walks a platform's API through a Session. Everything it asks
// becomes the capture that the adapter of the same name then imports.
class Puller {
public:
    virtual ~Puller() = default;
    virtual std::string_view name() const = 0;         // = the adapter that imports the capture
    virtual std::string_view secret_name() const = 0;  // "access token", "session cookie", …
    // Request starts per second when --rate is not given (the platform's polite rate).
    virtual double default_rate() const { return 4; }
    virtual void pull(const PullTarget& target, Session& session) const = 0;
};

bool register_puller(std::unique_ptr<Puller> puller);
const Puller* find_puller(std::string_view name);
std::vector<const Puller*> registered_pullers();  // sorted by name

// "api.school.mosreg.ru" + "https" → "https://api.school.mosreg.ru"; a full URL is taken as it is
// (test simulators on http://127.0.0.1:PORT, instances under a path prefix).
std::string base_url_of(std::string_view host, std::string_view scheme);

}  // namespace jb::net

// In a puller's .cpp: JBRIDGE_REGISTER_PULLER(DnevnikPuller);
#define JBRIDGE_REGISTER_PULLER(Type) \
    [[maybe_unused]] static const bool jbridge_registered_puller_##Type = ::jb::net::register_puller(std::make_unique<Type>())
