# rank-served's peer column: Surprise's SVD (its defaults, random_state 0) and BaselineOnly
# fitted on the exact train file the benchmark wrote, then every catalogue item the user did
# not rate in training scored with Surprise's own estimate (clipped, as its predict does),
# ties to the lower item index. Usage: surprise-top10.py TRAIN TEST N_ITEMS K OUT.json
import json, sys
import numpy as np
from surprise import BaselineOnly, Dataset, Reader, SVD

train_path, test_path, n_items, k, out_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
reader = Reader(line_format='user item rating', sep=',', rating_scale=(0.5, 5.0))
trainset = Dataset.load_from_file(train_path, reader).build_full_trainset()
test_users = set()
with open(test_path) as f:
    for line in f:
        u, i, r = line.strip().split(',')
        if float(r) >= 4.0:
            test_users.add(u)
rated = {}
with open(train_path) as f:
    for line in f:
        u, i, _ = line.strip().split(',')
        rated.setdefault(u, set()).add(int(i))

def inner_item(i):
    try:
        return trainset.to_inner_iid(str(i))
    except ValueError:
        return -1

inner_items = np.array([inner_item(i) for i in range(n_items)])
known = inner_items >= 0

def scores_for(algo, raw_user):
    # Surprise's estimate, vectorised: μ + b_u + b_i (+ q_i·p_u when both are known), clipped.
    est = np.full(n_items, trainset.global_mean)
    u = trainset.to_inner_uid(raw_user)
    if isinstance(algo, SVD):
        est += algo.bu[u]
        est[known] += algo.bi[inner_items[known]] + algo.qi[inner_items[known]] @ algo.pu[u]
    else:
        bu, bi = algo.bu, algo.bi
        est += bu[u]
        est[known] += bi[inner_items[known]]
    return np.clip(est, 0.5, 5.0)

out = {}
for name, algo in [('svd', SVD(random_state=0)), ('baseline-only', BaselineOnly(verbose=False))]:
    algo.fit(trainset)
    lists = {}
    for raw_user in sorted(test_users, key=int):
        s = scores_for(algo, raw_user)
        s[list(rated.get(raw_user, ()))] = -np.inf
        lists[raw_user] = [int(i) for i in np.argsort(-s, kind='stable')[:k]]
    out[name] = lists
with open(out_path, 'w') as f:
    json.dump(out, f)
