// A tiny workload whose threads are named "Web Content" and "DOM Worker" (prctl), with C++
// template symbols (<>, ::, &) on the stack and kernel frames from write(2), for perf script fixtures.
#include <sys/prctl.h>
#include <unistd.h>
#include <fcntl.h>
#include <pthread.h>
#include <map>
#include <string>
#include <vector>
namespace dom { template <typename T> struct Node { std::vector<T> kids; };
template <typename T> __attribute__((noinline)) long walk(const std::map<std::string, Node<T>> &m, long n) {
  long s = 0; for (long i = 0; i < n; i++) for (auto &kv : m) s += kv.second.kids.size() + kv.first.size(); return s; } }
static void *run(void *name) {
  prctl(PR_SET_NAME, (const char *) name);
  std::map<std::string, dom::Node<int>> m; for (int i = 0; i < 64; i++) m["k" + std::to_string(i)].kids.resize(i);
  int fd = open("/dev/null", O_WRONLY); char buf[4096] = {0}; long s = 0;
  for (int r = 0; r < 500; r++) { s += dom::walk(m, 2000); for (int k = 0; k < 200; k++) s += write(fd, buf, sizeof buf); }
  return (void *) s; }
int main() { pthread_t a, b; pthread_create(&a, 0, run, (void *) "Web Content"); pthread_create(&b, 0, run, (void *) "DOM Worker");
  pthread_join(a, 0); pthread_join(b, 0); return 0; }
