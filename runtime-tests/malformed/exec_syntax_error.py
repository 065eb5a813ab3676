exec('def (:')
