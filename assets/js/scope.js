// Material for MkDocs 9.8.2, partials/javascripts/base.html (MIT licence, Martin Donath), as
// a file so that the pages' Content-Security-Policy needs no inline script: the site's base
// comes from the script element instead of the template. tests/test_engine.py compares it.
__md_scope=new URL(document.currentScript.dataset.mdScope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
